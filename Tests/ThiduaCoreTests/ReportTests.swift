import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The secretariat's reports on the Tủa Chùa demo data, each figure recomputed from the raw tables with
/// queries of the test's own (explicit state lists, not the schema's helper functions); and on a decided
/// nomination, the commendation lines.
@Suite("ReportTests")
struct ReportTests {
    typealias Demo = DemoNominationsTests.LoadedDemo

    var demo: Demo { get async throws { try await DemoNominationsTests.demo.value } }

    @Test("the yearly report's counts by movement, unit kind and nominee kind equal the raw tables'")
    func yearlyCountsMatchTheTables() async throws {
        let demo = try await demo
        let secretary = try await demo.actor("noivu.thuky")
        let report = try await ReportRepository(store: RecordStore(pool: demo.pool)).yearly(year: 2021, as: secretary)
        let expected = try await demo.superuser("""
            SELECT m.code, count(*) FILTER (WHERE n.state NOT IN ('draft', 'withdrawn', 'rejected')),
                   count(*) FILTER (WHERE n.state IN ('verified', 'in_review', 'approved', 'rejected', 'decided')),
                   count(*) FILTER (WHERE n.state IN ('approved', 'decided')), count(*) FILTER (WHERE n.state = 'decided')
            FROM thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id JOIN thidua.movements m ON m.id = n.movement_id
            WHERE r.year = 2021 GROUP BY m.code
            """).reduce(into: [String: [Int]]()) { table, row in
                table[try row.decode(String.self, at: 0)] = try (1...4).map { try row.decode(Int.self, at: $0) }
            }
        #expect(!report.byMovement.isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: report.byMovement.map { ($0.key, [$0.submitted, $0.verified, $0.approved, $0.commended]) }) == expected)
        #expect(report.byMovement.allSatisfy { !$0.label.isEmpty && $0.label != $0.key })

        let total = try await demo.superuser("""
            SELECT count(*) FILTER (WHERE n.state NOT IN ('draft', 'withdrawn', 'rejected'))::int
            FROM thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id WHERE r.year = 2021
            """).single()!.decode(Int.self, at: 0)
        #expect(report.byUnitKind.map(\.submitted).reduce(0, +) == total)
        #expect(report.byNomineeKind.map(\.submitted).reduce(0, +) == total)
        #expect(report.byUnitKind.contains { $0.key == "commune" && $0.label == UnitKind.commune.vietnamese })
        #expect(try await ReportRepository(store: RecordStore(pool: demo.pool)).yearly(year: 2019, as: secretary).byMovement.isEmpty)
    }

    @Test("overdue items as of a month ahead are exactly those waiting in a state with a limit, with the working days counted")
    func overdueMatchesTheTables() async throws {
        let demo = try await demo
        let secretary = try await demo.actor("noivu.thuky")
        let later = Date().addingTimeInterval(30 * 86_400)
        let overdue = try await ReportRepository(store: RecordStore(pool: demo.pool)).overdue(asOf: later, as: secretary)
        let waiting = try await demo.superuser("""
            SELECT n.id, n.updated_at FROM thidua.nominations n WHERE n.state IN ('submitted', 'endorsed', 'verified', 'approved')
            """).map { (try $0.decode(UUID.self, at: 0), try $0.decode(Date.self, at: 1)) }
        #expect(!waiting.isEmpty)
        #expect(Set(overdue.map(\.nominationID)) == Set(waiting.map(\.0)))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for item in overdue {
            // Working days after the day it entered its state, up to and including the day asked about.
            var day = calendar.startOfDay(for: item.waitingSince)
            var count = 0
            while true {
                day = calendar.date(byAdding: .day, value: 1, to: day)!
                if day > later { break }
                if !calendar.isDateInWeekend(day) { count += 1 }
            }
            #expect(item.workingDaysWaited == count && item.workingDaysWaited > item.limit)
        }
        #expect(try await ReportRepository(store: RecordStore(pool: demo.pool)).overdue(asOf: Date(), as: secretary).isEmpty)
    }

    @Test("a commune clerk may not read the district's reports")
    func clerksMayNotReadReports() async throws {
        let demo = try await demo
        let clerk = try await demo.superuser("SELECT u.username FROM thidua.users u JOIN thidua.role_grants g ON g.user_id = u.id WHERE g.role = 'unit_clerk' LIMIT 1")
            .single()!.decode(String.self, at: 0)
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat, .chairman, .auditor]))) {
            try await ReportRepository(store: RecordStore(pool: demo.pool)).yearly(year: 2021, as: try await demo.actor(clerk))
        }
    }

    @Test("the year's awards by form, type and kind of recipient, with the money, equal the commendation records; revoked ones drop out")
    func awardsMatchTheRecords() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo", "Vàng Thị Dua"])
        var decision = try await f.draft([
            DecisionItemDraft(nominationID: nominations[0].id, form: "giay-khen-chu-tich-huyen"),
            DecisionItemDraft(nominationID: nominations[1].id, form: "giay-khen-chu-tich-huyen"),
            DecisionItemDraft(nominationID: nominations[2].id, form: "lao-dong-tien-tien"),
        ])
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        let year = try #require(try await f.commendations.history(of: nominations[0].nomineeID, as: f[.secretary]).first?.year)
        let report = try await ReportRepository(store: f.world.store).yearly(year: year, as: f[.secretary])
        let expected = try await f.world.superuser { connection in
            try await connection.query("""
                SELECT c.form_code, c.type_code, count(*)::int, sum(c.amount)::bigint FROM thidua.commendation_records c
                WHERE c.year = \(year) AND c.revoked_at IS NULL GROUP BY 1, 2
                """).map { "\(try $0.decode(String.self, at: 0))/\(try $0.decode(String.self, at: 1)): \(try $0.decode(Int.self, at: 2)), \(try $0.decode(Int64.self, at: 3))" }
        }
        #expect(Set(report.awards.map { "\($0.form)/\($0.type): \($0.count), \($0.amount)" }) == Set(expected))
        #expect(report.awards.first { $0.form == "giay-khen-chu-tich-huyen" }?.count == 2)
        #expect(report.awards.allSatisfy { $0.nomineeKind == .individual && $0.amount > 0 })
        #expect(report.byMovement.first?.commended == 3)

        var revocation = try await f.decisions.draftRevocation(
            of: decision.id, on: day("2025-03-10"), subject: "Về việc hủy bỏ quyết định khen thưởng",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"], reason: "Hồ sơ kê khai không trung thực", by: f[.secretary])
        revocation = try await f.decisions.sign(revocation.id, version: revocation.version, by: f[.chairman])
        #expect(try await ReportRepository(store: f.world.store).yearly(year: year, as: f[.secretary]).awards.isEmpty)
    }

    @Test("units' own plans: the secretariat records one received; the report lists every unit taking part, those without a plan first")
    func unitPlansReceived() async throws {
        let world = try await RecordsWorld.make()
        let reports = ReportRepository(store: world.store)
        let secretary = try await world.actor(.secretary)
        try await reports.recordUnitPlan(
            unit: world.communeA, period: "2021-2025", number: "15/KH-UBND", issuedOn: "2021-08-02", receivedOn: "2021-08-05", by: secretary)
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
            try await reports.recordUnitPlan(
                unit: world.communeB, period: "2021-2025", number: "9/KH-UBND", issuedOn: "2021-08-02", receivedOn: "2021-08-05",
                by: try await world.actor(.headB))
        }
        await #expect(throws: ThiduaError.self) {
            try await reports.recordUnitPlan(
                unit: world.communeA, period: "2021-2025", number: "16/KH-UBND", issuedOn: "2021-08-02", receivedOn: "2021-08-05", by: secretary)
        }
        let plans = try await reports.unitPlans(period: "2021-2025", as: secretary)
        let taking = try await world.superuser { connection in
            try await connection.query("""
                SELECT count(*)::int FROM thidua.units WHERE kind IN ('commune', 'department', 'armed_force', 'enterprise')
                """).single()!.decode(Int.self, at: 0)
        }
        #expect(plans.count == taking)
        #expect(plans.filter(\.received).map(\.unitID) == [world.communeA])
        #expect(plans.last?.number == "15/KH-UBND" && plans.last?.receivedOn == "2021-08-05")
        #expect(plans.dropLast().allSatisfy { !$0.received })
        let events = try await world.audit.history(of: "unit_plans", id: try await world.superuser { connection in
            try await connection.query("SELECT id::text FROM thidua.unit_plans").single()!.decode(String.self, at: 0)
        }, as: try await world.actor(.auditor))
        #expect(events.map(\.action) == ["unit_plan.receive"])
    }
}
