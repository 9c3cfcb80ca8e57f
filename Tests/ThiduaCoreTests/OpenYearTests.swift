import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// A new year opened by the secretariat (issue 16, item 4): proposed from the year before, edited, written at
/// once with its audit events, refused a second time and to anyone but the secretariat.
@Suite("OpenYearTests")
struct OpenYearTests {
    /// The plan with its round coded `code`, its minimums following.
    static func recoded(_ plan: YearPlan, _ code: String) -> YearPlan {
        var plan = plan
        plan.rounds[0].code = code
        plan.minimums = plan.minimums.map { var minimum = $0; minimum.roundCode = code; return minimum }
        return plan
    }

    @Test("the proposal copies the year before's rounds, limits and minimums, a year on; the edited plan opens in one audited transaction and takes submissions")
    func openedYearTakesSubmissions() async throws {
        let world = try await RecordsWorld.make()
        let secretary = try await world.actor(.secretary)
        var plan = try await world.rounds.proposeYear(2022, as: secretary)
        #expect(plan.copiedFrom == 2021)
        let proposed = try #require(plan.rounds.first)
        #expect(plan.rounds.count == 1 && proposed.code == "thu-2022" && proposed.name == "Đợt thử năm 2022" && proposed.level == "district")
        #expect(Set(proposed.limits.map { "\($0.unitKind.rawValue) \($0.minimum)-\($0.maximum)" }) == ["commune 1-4", "department 1-2", "armed_force 1-3"])
        #expect(Set(plan.minimums.map { "\($0.roundCode) \($0.nomineeKind) \($0.minimum)" }) == ["thu-2022 collective 1", "thu-2022 individual 3"])

        plan.rounds[0].opensAt = Date().addingTimeInterval(-3600)
        plan.rounds[0].dueAt = Date().addingTimeInterval(30 * 86400)
        plan.rounds[0].limits = plan.rounds[0].limits.map { $0.unitKind == .commune ? YearPlan.Limit(unitKind: .commune, minimum: 1, maximum: 5) : $0 }
        plan.minimums = plan.minimums.map { var minimum = $0; if minimum.nomineeKind == "individual" { minimum.minimum = 2 }; return minimum }
        let rule = try #require(try await CouncilRepository(store: world.store).rules(as: secretary).first)
        plan.rounds[0].councilRuleID = rule.id
        let ids = try await world.rounds.openYear(plan, by: secretary)
        let round = try #require(ids["thu-2022"])
        let owner = try await world.database.connect()
        defer { owner.close() }
        #expect(try await owner.query("SELECT council_rule_id FROM thidua.rounds WHERE id = \(round)").single()?.decode(UUID?.self, at: 0) == rule.id)

        let clerk = try await world.actor(.clerkA)
        #expect(try await world.rounds.list(as: clerk).contains { $0.id == round && $0.year == 2022 && $0.state == "open" })
        let compliance = try await world.rounds.compliance(round: round, as: secretary)
        #expect(compliance.units.first { $0.unitID == world.communeA }?.maximum == 5)
        #expect(Set(compliance.movements.map { "\($0.nomineeKind?.rawValue ?? "any") \($0.required)" }) == ["collective 1", "individual 2"])

        var draft = world.draft(name: "Sùng Thị Dợ")
        draft.roundID = round
        let nomination = try await world.nominations.create(draft, by: clerk)
        try await world.completeDossier(of: nomination.id, by: clerk)
        let submitted = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(.headA))
        #expect(submitted.state == .submitted && submitted.roundID == round)

        let events = try await world.audit.actions(of: world.users[.secretary]!, from: Date().addingTimeInterval(-600), to: Date().addingTimeInterval(600),
                                                   as: try await world.actor(.auditor))
        let opening = events.filter { $0.action == "round.open_year" }
        // plan_years, the round, its three limits and two minimums: one event each, in one transaction.
        #expect(opening.map(\.recordType).sorted() == ["plan_years", "round_movement_minimums", "round_movement_minimums",
                                                        "round_unit_limits", "round_unit_limits", "round_unit_limits", "rounds"])
        #expect(opening.allSatisfy { $0.actorRole == "secretariat" })
    }

    @Test("a year is opened once: the second opening is refused and writes nothing")
    func secondOpeningIsRefused() async throws {
        let world = try await RecordsWorld.make()
        let secretary = try await world.actor(.secretary)
        let plan = try await world.rounds.proposeYear(2022, as: secretary)
        try await world.rounds.openYear(plan, by: secretary)
        let again = Self.recoded(plan, "thu-2022-lai")
        await #expect(throws: ThiduaError.duplicate(field: "year")) { try await world.rounds.openYear(again, by: secretary) }
        #expect(try await world.rounds.list(as: secretary).filter { $0.year == 2022 }.count == 1)
    }

    @Test("two openings of one year at the same moment: plan_years_once lets one through")
    func concurrentOpeningsOneWins() async throws {
        let world = try await RecordsWorld.make()
        let secretary = try await world.actor(.secretary)
        let plan = try await world.rounds.proposeYear(2023, as: secretary)
        let other = Self.recoded(plan, "thu-2023-b")
        #expect(!plan.minimums.isEmpty)
        let results = await withTaskGroup(of: Bool.self) { group in
            for candidate in [plan, other] {
                group.addTask {
                    do {
                        try await world.rounds.openYear(candidate, by: secretary)
                        return true
                    } catch ThiduaError.duplicate {
                        return false
                    } catch {
                        Issue.record("the losing opening failed otherwise: \(error)")
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        #expect(try await world.rounds.list(as: secretary).filter { $0.year == 2023 }.count == 1)
    }

    @Test("only the secretariat proposes or opens a year, and PostgreSQL refuses anyone else's plan_years row")
    func onlyTheSecretariat() async throws {
        let world = try await RecordsWorld.make()
        let secretary = try await world.actor(.secretary)
        let plan = try await world.rounds.proposeYear(2022, as: secretary)
        for person in [RecordsWorld.Person.clerkA, .headA, .admin, .chairman, .auditor] {
            let actor = try await world.actor(person)
            await #expect(throws: ThiduaError.self) { try await world.rounds.proposeYear(2022, as: actor) }
            await #expect(throws: ThiduaError.self) { try await world.rounds.openYear(plan, by: actor) }
        }
        let clerk = try await world.actor(.clerkA)
        await #expect(throws: ThiduaError.denied(.refusedByDatabase)) {
            try await world.store.write(clerk, Capacity(role: .unitClerk), action: "round.open_year") { connection in
                _ = try await connection.query("""
                    INSERT INTO thidua.plan_years (area_id, year, opened_by) VALUES ('test/huyen', 2024, \(clerk.userID))
                    """)
            }
        }
        #expect(try await world.rounds.list(as: secretary).allSatisfy { $0.year == 2021 })
    }

    @Test("a fixed-term movement that ended is not copied into a year after it; bad figures are refused with the field")
    func endedMovementsAndBadFigures() async throws {
        let world = try await RecordsWorld.make()
        let secretary = try await world.actor(.secretary)
        let plan = try await world.rounds.proposeYear(2026, as: secretary)
        #expect(plan.copiedFrom == 2021 && plan.rounds.first?.code == "thu-2026" && plan.minimums.isEmpty)
        var bad = plan
        bad.rounds[0].limits[0].maximum = 0
        await #expect(throws: ThiduaError.self) { try await world.rounds.openYear(bad, by: secretary) }
        var late = plan
        late.rounds[0].dueAt = late.rounds[0].opensAt
        do {
            try await world.rounds.openYear(late, by: secretary)
            Issue.record("a round due when it opens was accepted")
        } catch ThiduaError.invalid(let field, let vietnamese, _) {
            #expect(field == "dueAt" && vietnamese.contains("Hạn nộp"))
        }
    }
}
