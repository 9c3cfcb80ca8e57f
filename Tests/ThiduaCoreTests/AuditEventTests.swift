import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Every change leaves exactly one event in its own transaction; history can be read back as it was.
@Suite("AuditEventTests")
struct AuditEventTests {
    @Test("a transaction that fails leaves neither the change nor its event")
    func failedTransactionLeavesNothing() async throws {
        let world = try await RecordsWorld.make()
        let before = try await eventCount(world)
        let clerk = try await world.actor(.clerkA)
        var draft = world.draft()
        draft.content.criteriaAnswers = ["khong-co": CriterionAnswer(met: true)]
        await #expect(throws: ThiduaError.self) { try await world.nominations.create(draft, by: clerk) }
        // Fails inside PostgreSQL, after the nominee row and its event were written in the same transaction.
        var badKind = world.draft()
        badKind.nominee = .new(NewNominee(kind: .locality, name: "Bản Tả Phìn"))
        badKind.content.nomineeName = "Bản Tả Phìn"
        await #expect(throws: ThiduaError.self) { try await world.nominations.create(badKind, by: clerk) }
        #expect(try await eventCount(world) == before)
        let nominees = try await world.superuser { try await $0.query("SELECT count(*) FROM thidua.nominees").single()!.decode(Int.self, at: 0) }
        #expect(nominees == 0)
    }

    @Test("a change without an acting user, or a return without a reason, fails closed in PostgreSQL")
    func failsClosed() async throws {
        let world = try await RecordsWorld.make()
        // Even the superuser, whom row-level security does not filter, cannot change a row without naming an actor.
        let anonymous = try await world.superuser { connection in
            do {
                _ = try await connection.query("UPDATE thidua.units SET name = 'Không ai' WHERE true")
                return "accepted"
            } catch let error as PostgresError {
                return error.serverError?.sqlState ?? "\(error)"
            }
        }
        #expect(anonymous == "TD001")
        let connection = try await world.database.connect(user: "thidua_app")
        defer { connection.close() }
        let head = try await world.actor(.headA)
        var nomination = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: head)
        let leadHead = try await world.actor(.leadHead)
        do {
            try await connection.withTransaction { connection in
                _ = try await connection.query(RecordStore.identification(leadHead.claim, role: "unit_head"))
                _ = try await connection.query("""
                    UPDATE thidua.nominations SET state = 'returned', version = version + 1, return_count = return_count + 1
                    WHERE id = \(nomination.id)
                    """)
            }
            Issue.record("a return without a reason passed")
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "TD004")
        }
    }

    @Test("the application role cannot change, delete, truncate or forge events; the owner is refused by triggers")
    func appendOnly() async throws {
        let world = try await RecordsWorld.make()
        let app = try await world.database.connect(user: "thidua_app")
        defer { app.close() }
        for statement: PostgresQuery in [
            "UPDATE thidua.audit_events SET reason = 'sửa' WHERE true",
            "DELETE FROM thidua.audit_events",
            "TRUNCATE thidua.audit_events",
            "INSERT INTO thidua.audit_events (occurred_at, record_type, record_id, seq, actor_id, actor_role, action, prev_hash, hash) VALUES (now(), 'x', 'y', 1, gen_random_uuid(), 'admin', 'forge', '\\x00', '\\x00')",
        ] {
            do {
                _ = try await app.query(statement)
                Issue.record("the application role ran \(statement.sql)")
            } catch let error as PostgresError {
                #expect(error.serverError?.sqlState == "42501", "\(statement.sql)")
            }
        }
        let owner = try await world.database.connect()
        defer { owner.close() }
        _ = try await owner.query("SET ROLE thidua_owner")
        for statement: PostgresQuery in [
            "UPDATE thidua.audit_events SET reason = 'sửa' WHERE true", "DELETE FROM thidua.audit_events", "TRUNCATE thidua.audit_events",
        ] {
            do {
                _ = try await owner.query(statement)
                Issue.record("the owner ran \(statement.sql)")
            } catch let error as PostgresError {
                #expect(error.serverError?.sqlState == "TD009", "\(statement.sql)")
            }
        }
    }

    @Test("a nomination rebuilt as of any past event equals what it was then")
    func asOfEveryEvent() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let head = try await world.actor(.headA)
        let auditor = try await world.actor(.auditor)
        var versions: [Nomination] = [try await world.nominations.create(world.draft(), by: clerk)]
        let id = versions[0].id
        versions.append(try await world.nominations.edit(id, version: 1, content: NominationContent(nomineeName: "Lò Thị Mai", title: "Lần hai"), by: clerk))
        versions.append(try await world.nominations.perform(.submit, on: id, version: 2, by: head))
        versions.append(try await world.nominations.perform(.returnByLeadUnit, on: id, version: 3, reason: "Bổ sung minh chứng", by: try await world.actor(.leadHead)))
        versions.append(try await world.nominations.edit(id, version: 4, content: NominationContent(nomineeName: "Lò Thị Mai", title: "Lần ba"), by: clerk))

        let events = try await world.audit.history(of: "nominations", id: id.uuidString.lowercased(), as: auditor)
        #expect(events.count == versions.count)
        for (event, expected) in zip(events, versions) {
            let rebuilt = try await world.audit.nomination(id, afterEvent: event.id, as: auditor)
            #expect(rebuilt == expected, "after event \(event.seq) (\(event.action))")
            let byTime = try await world.audit.nomination(id, asOf: event.occurredAt, as: auditor)
            #expect(byTime?.version == expected.version)
        }
        #expect(try await world.audit.nomination(id, asOf: Date(timeIntervalSince1970: 0), as: auditor) == nil)
    }

    @Test("everything one user did in a period")
    func actionsOfOneUser() async throws {
        let world = try await RecordsWorld.make()
        let start = Date().addingTimeInterval(-1)
        let clerk = try await world.actor(.clerkA)
        let draft = try await world.nominations.create(world.draft(), by: clerk)
        _ = try await world.nominations.edit(draft.id, version: 1, content: NominationContent(nomineeName: "Lò Thị Mai", title: "Sửa"), by: clerk)
        let actions = try await world.audit.actions(of: clerk.userID, from: start, to: Date().addingTimeInterval(1), as: try await world.actor(.auditor))
        #expect(actions.map(\.action) == ["nominee.register", "nominee.register", "nomination.create", "nomination.edit"])
        #expect(actions.map(\.recordType) == ["nominees", "nominee_personal", "nominations", "nominations"])
    }

    private func eventCount(_ world: RecordsWorld) async throws -> Int {
        try await world.superuser { try await $0.query("SELECT count(*) FROM thidua.audit_events").single()!.decode(Int.self, at: 0) }
    }
}
