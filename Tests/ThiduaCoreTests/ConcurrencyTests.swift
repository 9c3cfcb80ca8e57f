import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// Races that happen every day: many clerks of one commune submitting at once, two clerks editing one draft.
@Suite("ConcurrencyTests")
struct ConcurrencyTests {
    @Test("20 concurrent submissions from a commune whose maximum is 4: exactly 4 pass, 16 hit the quota")
    func quotaHoldsUnderConcurrentSubmission() async throws {
        let world = try await RecordsWorld.make(poolSize: 20)
        let clerk = try await world.actor(.clerkA)
        let head = try await world.actor(.headA)
        var drafts: [Nomination] = []
        for index in 1...20 {
            drafts.append(try await world.nominations.create(world.draft(name: "Người thứ \(index)"), by: clerk))
        }
        let barrier = Barrier(parties: 20)
        let outcomes = try await withThrowingTaskGroup(of: Result<Nomination, ThiduaError>.self) { group in
            for draft in drafts {
                group.addTask {
                    await barrier.arrive()
                    do {
                        return .success(try await world.nominations.perform(.submit, on: draft.id, version: draft.version, by: head))
                    } catch let error as ThiduaError {
                        return .failure(error)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let passed = outcomes.filter { if case .success = $0 { true } else { false } }
        let refused = outcomes.filter { if case .failure(.quotaExceeded(maximum: 4)) = $0 { true } else { false } }
        #expect(passed.count == 4)
        #expect(refused.count == 16)

        let (submitted, used, events) = try await world.superuser { connection in
            try await connection.query("""
                SELECT (SELECT count(*) FROM thidua.nominations WHERE state = 'submitted'),
                       (SELECT used FROM thidua.quota_usage WHERE unit_id = \(world.communeA)),
                       (SELECT count(*) FROM thidua.audit_events WHERE action = 'nomination.submit')
                """).single()!.decode((Int, Int, Int).self)
        }
        #expect(submitted == 4 && used == 4 && events == 4)
    }

    @Test("the quota refusal is PostgreSQL's and names the maximum, for SQL that skips the repository too")
    func quotaRefusalNamesTheMaximum() async throws {
        let world = try await RecordsWorld.make()
        try await world.asInstaller { connection in
            _ = try await connection.query("UPDATE thidua.round_unit_limits SET maximum = 1 WHERE unit_kind = 'commune'")
        }
        let clerk = try await world.actor(.clerkA)
        let head = try await world.actor(.headA)
        let first = try await world.nominations.create(world.draft(name: "Người thứ nhất"), by: clerk)
        _ = try await world.nominations.perform(.submit, on: first.id, version: first.version, by: head)
        let second = try await world.nominations.create(world.draft(name: "Người thứ hai"), by: clerk)
        await #expect(throws: ThiduaError.quotaExceeded(maximum: 1)) {
            try await world.nominations.perform(.submit, on: second.id, version: second.version, by: head)
        }
        await #expect(throws: ThiduaError.quotaExceeded(maximum: 1)) {
            try await world.store.write(head, Capacity(role: .unitHead), action: "nomination.submit") { connection in
                _ = try await connection.query("""
                    UPDATE thidua.nominations SET state = 'submitted', version = version + 1,
                        submitted_by = thidua.actor_id(), submitted_at = now()
                    WHERE id = \(second.id)
                    """)
            }
        }
    }

    @Test("10 concurrent edits of one draft at the same version: exactly one wins, the rest are stale")
    func oneEditWinsAtOneVersion() async throws {
        let world = try await RecordsWorld.make(poolSize: 10)
        let clerk = try await world.actor(.clerkA)
        let draft = try await world.nominations.create(world.draft(), by: clerk)
        let barrier = Barrier(parties: 10)
        let outcomes = try await withThrowingTaskGroup(of: Result<Nomination, ThiduaError>.self) { group in
            for index in 1...10 {
                group.addTask {
                    await barrier.arrive()
                    do {
                        let content = NominationContent(nomineeName: "Lò Thị Mai", title: "Bản sửa số \(index)")
                        return .success(try await world.nominations.edit(draft.id, version: 1, content: content, by: clerk))
                    } catch let error as ThiduaError {
                        return .failure(error)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.compactMap { if case .success(let nomination) = $0 { nomination } else { nil } }
        let stale = outcomes.filter { if case .failure(.staleVersion(expected: 1, current: 2)) = $0 { true } else { false } }
        #expect(winners.count == 1)
        #expect(stale.count == 9)
        let now = try await world.nominations.get(draft.id, as: clerk)
        #expect(now.version == 2 && now.title == winners.first?.title)
    }

    @Test("two reviewers at once: the lead unit endorses while the head withdraws; one wins, the other is told")
    func endorseRacesWithdraw() async throws {
        let world = try await RecordsWorld.make()
        let head = try await world.actor(.headA)
        let leadHead = try await world.actor(.leadHead)
        var nomination = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: head)
        let id = nomination.id
        async let endorse = Result { try await world.nominations.perform(.endorse, on: id, version: 2, by: leadHead) }
        async let withdraw = Result { try await world.nominations.perform(.withdraw, on: id, version: 2, by: head) }
        let outcomes = await [endorse, withdraw]
        #expect(outcomes.filter { (try? $0.get()) != nil }.count == 1)
        let final = try await world.nominations.get(id, as: head)
        #expect(final.version == 3 && [.endorsed, .withdrawn].contains(final.state))
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
