import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The workflow against a real database: each legal step, refusals out of turn, and a return → edit →
/// resubmit cycle that keeps one record with its whole history and shows the reviewer what changed.
@Suite("NominationLifecycleTests")
struct NominationLifecycleTests {
    @Test("draft → submitted → endorsed → verified, each step recorded once with who and in which role")
    func happyPath() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        var nomination = try await world.nominations.create(world.draft(), by: clerk)
        #expect(nomination.state == .draft && nomination.version == 1)
        try await world.completeDossier(of: nomination.id, by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: try await world.actor(.headA))
        #expect(nomination.state == .submitted && nomination.submittedBy == world.users[.headA])
        nomination = try await world.nominations.perform(.endorse, on: nomination.id, version: 2, by: try await world.actor(.leadHead))
        #expect(nomination.state == .endorsed)
        nomination = try await world.nominations.perform(.verify, on: nomination.id, version: 3, by: try await world.actor(.secretary))
        #expect(nomination.state == .verified && nomination.version == 4)

        let history = try await world.audit.history(of: "nominations", id: nomination.id.uuidString.lowercased(), as: try await world.actor(.auditor))
        #expect(history.map(\.action) == ["nomination.create", "nomination.submit", "nomination.endorse", "nomination.verify"])
        #expect(history.map(\.actorRole) == ["unit_clerk", "unit_head", "unit_head", "secretariat"])
        #expect(history.map(\.seq) == [1, 2, 3, 4])
    }

    @Test("the lead unit's own submission is endorsed at once, in one event")
    func leadUnitSubmissionEndorsedAtOnce() async throws {
        let world = try await RecordsWorld.make()
        var nomination = try await world.nominations.create(world.draft(movement: world.forceMovement), by: try await world.actor(.forceClerk))
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: try await world.actor(.forceHead))
        #expect(nomination.state == .endorsed)
        let history = try await world.audit.history(of: "nominations", id: nomination.id.uuidString.lowercased(), as: try await world.actor(.auditor))
        #expect(history.count == 2)
    }

    @Test("out-of-turn events and stale versions are conflicts that change nothing")
    func refusals() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let head = try await world.actor(.headA)
        let nomination = try await world.nominations.create(world.draft(), by: clerk)
        // A lead unit does not see another unit's drafts at all.
        await #expect(throws: ThiduaError.notFound("hồ sơ đề nghị / nomination")) {
            try await world.nominations.perform(.endorse, on: nomination.id, version: 1, by: try await world.actor(.leadHead))
        }
        await #expect(throws: ThiduaError.wrongState(WorkflowRefusal(state: .draft, event: .verify))) {
            try await world.nominations.perform(.verify, on: nomination.id, version: 1, by: try await world.actor(.secretary))
        }
        await #expect(throws: ThiduaError.staleVersion(expected: 7, current: 1)) {
            try await world.nominations.perform(.submit, on: nomination.id, version: 7, by: head)
        }
        await #expect(throws: ThiduaError.reasonRequired) {
            try await world.nominations.perform(.returnByLeadUnit, on: nomination.id, version: 1, reason: "   ", by: head)
        }
        await #expect(throws: ThiduaError.notFound("hồ sơ đề nghị / nomination")) {
            try await world.nominations.perform(.submit, on: UUID(), version: 1, by: head)
        }
        let submitted = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: head)
        await #expect(throws: ThiduaError.dossierIncomplete(missing: [.request, .achievementReport, .reviewMinutes])) {
            let endorsed = try await world.nominations.perform(.endorse, on: submitted.id, version: 2, by: try await world.actor(.leadHead))
            _ = try await world.nominations.perform(.verify, on: endorsed.id, version: 3, by: try await world.actor(.secretary))
        }
        let after = try await world.nominations.get(nomination.id, as: clerk)
        #expect(after.state == .endorsed && after.version == 3)
        let events = try await world.audit.history(of: "nominations", id: nomination.id.uuidString.lowercased(), as: try await world.actor(.auditor))
        #expect(events.count == 3)
    }

    @Test("return → edit → resubmit keeps one record, counts the returns and shows the changes field by field")
    func returnEditResubmit() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let head = try await world.actor(.headA)
        let leadHead = try await world.actor(.leadHead)
        var nomination = try await world.nominations.create(world.draft(), by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
        nomination = try await world.nominations.perform(
            .returnByLeadUnit, on: nomination.id, version: nomination.version, reason: "Thiếu số ngày công năm 2020", by: leadHead)
        #expect(nomination.state == .returned && nomination.returnCount == 1)

        var content = NominationContent(
            nomineeName: "Lò Thị Mai", title: "Cá nhân điển hình tiên tiến",
            achievements: "Vận động 40 hộ hiến 2.000 m² đất làm đường liên bản.",
            criteriaAnswers: ["c1": CriterionAnswer(met: true, evidence: "120 ngày công"), "c2": CriterionAnswer(met: true, evidence: "500 m²")],
            indicators: ["workdays": ["2020": 95, "2021": 120]])
        nomination = try await world.nominations.edit(nomination.id, version: nomination.version, content: content, by: clerk)
        content.title = "Gương điển hình tiên tiến"
        nomination = try await world.nominations.edit(nomination.id, version: nomination.version, content: content, by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
        #expect(nomination.state == .submitted && nomination.returnCount == 1)

        let changes = try await world.nominations.changesSinceReturn(nomination.id, as: leadHead)
        #expect(changes.returnCount == 1)
        #expect(changes.lastReturn?.reason == "Thiếu số ngày công năm 2020")
        #expect(changes.fields.map(\.field) == ["criteria_answers.c2", "indicators.workdays", "title"])
        #expect(changes.fields.last?.returned == #""Cá nhân điển hình tiên tiến""#)
        #expect(changes.fields.last?.current == #""Gương điển hình tiên tiến""#)

        let history = try await world.audit.history(of: "nominations", id: nomination.id.uuidString.lowercased(), as: leadHead)
        #expect(history.map(\.action) == [
            "nomination.create", "nomination.submit", "nomination.return_by_lead_unit", "nomination.edit", "nomination.edit", "nomination.submit",
        ])
        let count = try await world.superuser { try await $0.query("SELECT count(*) FROM thidua.nominations").single()!.decode(Int.self, at: 0) }
        #expect(count == 1)
    }

    @Test("withdrawal frees the quota slot; a withdrawn nomination cannot come back")
    func withdrawal() async throws {
        let world = try await RecordsWorld.make()
        let head = try await world.actor(.headA)
        var nomination = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: head)
        nomination = try await world.nominations.perform(.withdraw, on: nomination.id, version: 2, by: head)
        #expect(nomination.state == .withdrawn)
        let used = try await world.superuser {
            try await $0.query("SELECT used FROM thidua.quota_usage").single()!.decode(Int.self, at: 0)
        }
        #expect(used == 0)
        await #expect(throws: ThiduaError.wrongState(WorkflowRefusal(state: .withdrawn, event: .submit))) {
            try await world.nominations.perform(.submit, on: nomination.id, version: 3, by: head)
        }
    }

    @Test("every state holds a quota slot in PostgreSQL exactly when it does in Swift")
    func quotaSlotsAgree() async throws {
        let world = try await RecordsWorld.make()
        let states = NominationState.allCases.map(\.rawValue)
        let held = try await world.superuser { connection in
            try await connection.query("SELECT s, thidua.holds_quota_slot(s) FROM unnest(\(states)::text[]) s").map {
                (try $0.decode(String.self, at: 0), try $0.decode(Bool.self, at: 1))
            }
        }
        #expect(held.map(\.0) == states)
        for (state, holds) in held {
            #expect(NominationState(rawValue: state)?.holdsQuotaSlot == holds, "\(state)")
        }
    }

    @Test("a delegate submits as the head and the audit trail names both")
    func delegateSubmitsAsTheHead() async throws {
        let world = try await RecordsWorld.make()
        let head = try await world.actor(.headA)
        _ = try await world.userRepository.delegate(
            .unitHead, to: world.users[.deputyA]!, style: .onBehalf, until: Date().addingTimeInterval(3600),
            basis: "Quyết định số 12/QĐ-UBND ủy quyền ký thay", by: head)
        let deputy = try await world.actor(.deputyA)
        #expect(deputy.delegated[.unitHead] == world.users[.headA])
        var nomination = try await world.nominations.create(world.draft(), by: deputy)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: deputy)
        let submit = try await world.audit.history(of: "nominations", id: nomination.id.uuidString.lowercased(), as: head).last!
        #expect(submit.actorID == world.users[.deputyA] && submit.onBehalfOf == world.users[.headA] && submit.actorRole == "unit_head")
    }

    @Test("no one verifies what they themselves submitted, not even through SQL")
    func separationOfDuties() async throws {
        let world = try await RecordsWorld.make()
        try await world.asInstaller { connection in
            _ = try await connection.query("INSERT INTO thidua.role_grants (user_id, role) VALUES (\(world.users[.headA]!), 'secretariat')")
        }
        let clerk = try await world.actor(.clerkA)
        let head = try await world.actor(.headA)
        var nomination = try await world.nominations.create(world.draft(), by: clerk)
        try await world.completeDossier(of: nomination.id, by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: head)
        nomination = try await world.nominations.perform(.endorse, on: nomination.id, version: 2, by: try await world.actor(.leadHead))
        await #expect(throws: ThiduaError.denied(.ownSubmission)) {
            try await world.nominations.perform(.verify, on: nomination.id, version: 3, by: head)
        }
        let connection = try await world.database.connect(user: "thidua_app")
        defer { connection.close() }
        await #expect(throws: PostgresError.self) {
            try await connection.withTransaction { connection in
                _ = try await connection.query(RecordStore.identification(head.claim, role: "secretariat"))
                _ = try await connection.query("UPDATE thidua.nominations SET state = 'verified', version = version + 1 WHERE id = \(nomination.id)")
            }
        }
    }

    @Test("a delegation that has ended lends nothing, in Swift and in PostgreSQL")
    func expiredDelegation() async throws {
        let world = try await RecordsWorld.make()
        try await world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.delegations (delegator_id, delegate_id, role, style, valid_from, valid_to, basis)
                VALUES (\(world.users[.headA]!), \(world.users[.deputyA]!), 'unit_head', 'KT', now() - interval '2 days',
                        now() - interval '1 day', 'Đã hết hạn')
                """)
        }
        let deputy = try await world.actor(.deputyA)
        #expect(deputy.delegated.isEmpty)
        let nomination = try await world.nominations.create(world.draft(), by: deputy)
        await #expect(throws: ThiduaError.denied(.roleRequired([.unitHead]))) {
            try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: deputy)
        }
    }
}
