import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// A round's due date, and the secretariat's recorded exception to it.
@Suite("DeadlineTests")
struct DeadlineTests {
    @Test("a submission one second late is refused; with the secretariat's exception it passes; both are in the audit trail")
    func lateSubmissionNeedsAnException() async throws {
        let world = try await RecordsWorld.make()
        let head = try await world.actor(.headA)
        let secretary = try await world.actor(.secretary)
        let auditor = try await world.actor(.auditor)
        let nomination = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 1).rounded(.down))
        try await world.rounds.setDueDate(round: world.round, to: due, version: 1, reason: "Hết hạn", by: secretary)

        await #expect(throws: ThiduaError.pastDueDate(due)) {
            try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: head)
        }
        #expect(try await world.nominations.get(nomination.id, as: head).state == .draft)

        let exception = try await world.rounds.grantDeadlineException(
            round: world.round, unit: world.communeA, until: Date().addingTimeInterval(3600),
            reason: "Đường lên xã bị sạt lở, hồ sơ đến chậm", by: secretary)
        let submitted = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: head)
        #expect(submitted.state == .submitted)

        let granted = try await world.audit.history(of: "deadline_exceptions", id: exception.uuidString.lowercased(), as: auditor)
        #expect(granted.map(\.action) == ["round.deadline_exception"])
        #expect(granted.first?.reason == "Đường lên xã bị sạt lở, hồ sơ đến chậm" && granted.first?.actorRole == "secretariat")
        let submissions = try await world.audit.history(of: "nominations", id: nomination.id.uuidString.lowercased(), as: auditor)
        #expect(submissions.map(\.action) == ["nomination.create", "nomination.submit"])
    }

    @Test("the past-due refusal is PostgreSQL's and names the due date, for SQL that skips the repository too")
    func pastDueRefusalNamesTheDueDate() async throws {
        let world = try await RecordsWorld.make()
        let head = try await world.actor(.headA)
        let nomination = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 90).rounded(.down) + 0.25)
        try await world.rounds.setDueDate(round: world.round, to: due, version: 1, reason: "Hết hạn", by: try await world.actor(.secretary))

        await #expect(throws: ThiduaError.pastDueDate(due)) {
            try await world.store.write(head, Capacity(role: .unitHead), action: "nomination.submit") { connection in
                _ = try await connection.query("""
                    UPDATE thidua.nominations SET state = 'submitted', version = version + 1,
                        submitted_by = thidua.actor_id(), submitted_at = now()
                    WHERE id = \(nomination.id)
                    """)
            }
        }
    }

    @Test("only the secretariat grants exceptions, not without a reason, and not one already run out")
    func exceptionsAreTheSecretariats() async throws {
        let world = try await RecordsWorld.make()
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
            try await world.rounds.grantDeadlineException(
                round: world.round, unit: world.communeA, until: Date(), reason: "Xin nộp muộn", by: try await world.actor(.headA))
        }
        await #expect(throws: ThiduaError.reasonRequired) {
            try await world.rounds.grantDeadlineException(
                round: world.round, unit: world.communeA, until: Date(), reason: " ", by: try await world.actor(.secretary))
        }
        await #expect(throws: ThiduaError.invalid(
            field: "until", vietnamese: "Thời hạn mới phải ở sau thời điểm hiện tại.", english: "The new time limit must be in the future.")) {
            try await world.rounds.grantDeadlineException(
                round: world.round, unit: world.communeA, until: Date().addingTimeInterval(-60), reason: "Xin nộp muộn",
                by: try await world.actor(.secretary))
        }
        let granted = try await world.store.read(try await world.actor(.secretary)) { connection in
            try await connection.query("SELECT count(*) FROM thidua.deadline_exceptions").single()!.decode(Int.self, at: 0)
        }
        #expect(granted == 0)
    }

    @Test("the compliance table counts each unit against its range and each movement against its minimum")
    func complianceTable() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let head = try await world.actor(.headA)
        for name in ["Lò Thị Mai", "Giàng Thị Dê"] {
            let draft = try await world.nominations.create(world.draft(name: name), by: clerk)
            _ = try await world.nominations.perform(.submit, on: draft.id, version: 1, by: head)
        }
        let compliance = try await world.rounds.compliance(round: world.round, as: try await world.actor(.secretary))
        let communeA = try #require(compliance.units.first { $0.unitID == world.communeA })
        #expect(communeA.maximum == 4 && communeA.counts.submitted == 2 && communeA.shortfall == 0)
        let communeB = try #require(compliance.units.first { $0.unitID == world.communeB })
        #expect(communeB.counts.submitted == 0 && communeB.shortfall == 1)
        let individuals = try #require(compliance.movements.first { $0.nomineeKind == .individual })
        #expect(individuals.required == 3 && individuals.counts.submitted == 2 && individuals.shortfall == 1)
    }
}
