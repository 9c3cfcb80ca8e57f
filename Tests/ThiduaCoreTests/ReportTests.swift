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
        let reports = ReportRepository(store: RecordStore(pool: demo.pool))
        let actor = try await demo.actor(clerk)
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat, .chairman, .auditor]))) {
            try await reports.yearly(year: 2021, as: actor)
        }
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat, .chairman, .auditor]))) {
            try await reports.movements(year: 2021, as: actor)
        }
        for kind in ReviewSummary.Kind.allCases {
            await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat, .chairman, .auditor]))) {
                try await reports.reviewSummary(kind: kind, as: actor)
            }
        }
    }

    @Test("report 0601.N: the movements running in a year, by each classification, with units, nominations and commended, equal the raw tables'")
    func movementsReportMatchesTheTables() async throws {
        let demo = try await demo
        let secretary = try await demo.actor("noivu.thuky")
        let reports = ReportRepository(store: RecordStore(pool: demo.pool))
        struct Raw { var code, level, scope, duration, method: String; var starts: Int; var ends: Int? }
        let movements = try await demo.superuser("""
            SELECT code, initiating_level, scope, duration, method, starts_year, ends_year FROM thidua.movements
            """).map { row in
                let (code, level, scope, duration, method, starts, ends) = try row.decode((String, String, String, String, String, Int, Int?).self)
                return Raw(code: code, level: level, scope: scope, duration: duration, method: method, starts: starts, ends: ends)
            }
        let taking = try await demo.superuser("""
            SELECT m.code, r.year, n.unit_id, n.state FROM thidua.nominations n, thidua.rounds r, thidua.movements m
            WHERE r.id = n.round_id AND m.id = n.movement_id
            """).map { try $0.decode((String, Int, UUID, String).self) }
        for year in [2019, 2021, 2026] {
            let report = try await reports.movements(year: year, as: secretary)
            let running = movements.filter { $0.starts <= year && ($0.ends ?? .max) >= year }
            func expected(_ members: [Raw]) -> [Int] {
                let codes = Set(members.map(\.code))
                let rows = taking.filter { codes.contains($0.0) && $0.1 == year && ReviewSummaryExpectation.holdingSlot.contains($0.3) }
                return [members.count, members.filter { $0.starts == year }.count, Set(rows.map(\.2)).count, rows.count,
                        rows.filter { $0.3 == "decided" }.count]
            }
            func counts(_ line: MovementsReport.Line) -> [Int] { [line.movements, line.launched, line.units, line.nominations, line.commended] }
            #expect(counts(report.total) == expected(running), "\(year)")
            let columns: [([MovementsReport.Line], [String], KeyPath<Raw, String>)] = [
                (report.byInitiatingLevel, InitiatingLevel.allCases.map(\.rawValue), \.level),
                (report.byScope, MovementScope.allCases.map(\.rawValue), \.scope),
                (report.byDuration, MovementDuration.allCases.map(\.rawValue), \.duration),
                (report.byMethod, MovementMethod.allCases.map(\.rawValue), \.method),
            ]
            for (lines, values, column) in columns {
                #expect(lines.map(\.key) == values && lines.allSatisfy { !$0.label.isEmpty && $0.label != $0.key })
                for line in lines {
                    #expect(counts(line) == expected(running.filter { $0[keyPath: column] == line.key }), "\(year) \(line.key)")
                }
            }
            #expect(Set(report.movements.map(\.code)) == Set(running.map(\.code)) && report.movements.count == running.count)
            for movement in report.movements {
                let own = expected(running.filter { $0.code == movement.code })
                #expect([movement.units, movement.nominations, movement.commended] == Array(own[2...]), "\(movement.code)")
            }
        }
        // The plan's thirteen movements and fields run in 2021, seven of them thematic; only office culture (2019–2025)
        // ran in 2019; the three fixed-term movements of the plan's term are over by 2026.
        let plan = try await reports.movements(year: 2021, as: secretary)
        #expect(plan.total.movements == 13 && plan.total.launched == 12 && plan.total.commended > 0)
        #expect(plan.byMethod.first { $0.key == "thematic" }?.movements == 7)
        #expect(try await reports.movements(year: 2019, as: secretary).movements.map(\.code) == ["van-hoa-cong-so"])
        #expect(try await reports.movements(year: 2026, as: secretary).total.movements == 9)
    }

    @Test("report 0601.N counts every classification in one pass: one statement for the counts, one for the list of movements")
    func movementsReportInOnePass() async throws {
        let demo = try await demo
        let secretary = try await demo.actor("noivu.thuky")
        var logged: MovementsReport?
        let sent = try await demo.database.statements { pool in
            logged = try await ReportRepository(store: RecordStore(pool: pool)).movements(year: 2021, as: secretary)
        }
        #expect(sent.filter { $0.contains("FROM thidua.movements") }.count == 2, "\(sent.joined(separator: "\n---\n"))")
        #expect(sent.filter { $0.contains("GROUPING SETS") }.count == 1)
        #expect(logged == (try await ReportRepository(store: RecordStore(pool: demo.pool)).movements(year: 2021, as: secretary)))
    }

    @Test("report 0603.N: the year's awards by form and type in the recipient columns equal the commendation records and their nominees' classes")
    func awardsByRecipientMatchTheRecords() async throws {
        let demo = try await demo
        let report = try await ReportRepository(store: RecordStore(pool: demo.pool)).yearly(year: 2021, as: try await demo.actor("noivu.thuky"))
        var expected: [String: [Int]] = [:]
        for row in try await demo.superuser("""
            SELECT c.form_code, c.type_code, e.kind, e.recipient_class FROM thidua.commendation_records c, thidua.nominees e
            WHERE e.id = c.nominee_id AND c.year = 2021 AND c.revoked_at IS NULL
            """) {
            let (form, type, kind, recipient) = try row.decode((String, String, String, String?).self)
            var counts = expected["\(form)/\(type)", default: Array(repeating: 0, count: 10)]
            let columns = [kind == "collective" || kind == "locality", recipient == "enterprise", kind == "household", kind == "individual",
                           recipient == "leader", recipient == "business_person", recipient == "worker_or_farmer",
                           recipient == "other_individual", recipient == nil]
            for (index, hit) in columns.enumerated() where hit { counts[index] += 1 }
            counts[9] += 1
            expected["\(form)/\(type)"] = counts
        }
        let lines = Dictionary(uniqueKeysWithValues: report.awardsByRecipient.map { line in
            ("\(line.form)/\(line.type)", [line.collectives, line.enterprises, line.households, line.individuals, line.leaders, line.businessPeople,
                                          line.workersAndFarmers, line.otherIndividuals, line.unclassified,
                                          line.collectives + line.households + line.individuals])
        })
        #expect(!lines.isEmpty && lines == expected)
        // The demo commends collectives and individuals and classifies them: not all are left unclassified.
        let all = report.awardsByRecipient
        #expect(all.map(\.collectives).reduce(0, +) > 0 && all.map(\.individuals).reduce(0, +) > 0)
        #expect(all.map { $0.leaders + $0.businessPeople + $0.workersAndFarmers + $0.otherIndividuals }.reduce(0, +) > 0)
    }

    @Test("a nominee's recipient class must fit its kind: refused before anything is written, and by the database; a household's is implied")
    func recipientClassFitsTheKind() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        func draft(_ nominee: NewNominee) -> NominationDraft {
            var draft = world.draft(name: nominee.name)
            draft.nominee = .new(nominee)
            return draft
        }
        func nominees() async throws -> [String: String?] {
            try await world.superuser { connection in
                try await connection.query("SELECT name, recipient_class FROM thidua.nominees").reduce(into: [:]) {
                    $0[try $1.decode(String.self, at: 0)] = try $1.decode(String?.self, at: 1)
                }
            }
        }
        await #expect(throws: ThiduaError.invalid(
            field: "nominee.recipientClass", vietnamese: "Đối tượng \"Doanh nghiệp\" không phù hợp với loại \"Cá nhân\".",
            english: "The recipient class enterprise does not fit a nominee of kind individual.")) {
            try await world.nominations.create(draft(NewNominee(kind: .individual, name: "Lò Văn Sáng", recipientClass: .enterprise)), by: clerk)
        }
        #expect(try await nominees().isEmpty)
        _ = try await world.nominations.create(draft(NewNominee(kind: .individual, name: "Lò Văn Sáng", recipientClass: .leader)), by: clerk)
        _ = try await world.nominations.create(draft(NewNominee(kind: .household, name: "Hộ ông Giàng A Dế")), by: clerk)
        _ = try await world.nominations.create(draft(NewNominee(kind: .individual, name: "Sùng Thị Dợ")), by: clerk)
        #expect(try await nominees() == ["Lò Văn Sáng": "leader", "Hộ ông Giàng A Dế": "household", "Sùng Thị Dợ": nil])
        #expect(try await world.nominees.search("lo van sang", as: clerk).map(\.recipientClass) == [.leader])
        let refused = try await world.superuser { connection in
            do {
                _ = try await connection.query("UPDATE thidua.nominees SET recipient_class = 'enterprise' WHERE name = 'Hộ ông Giàng A Dế'")
                return nil as String?
            } catch let error as PostgresError {
                return error.serverError?.sqlState
            }
        }
        #expect(refused == "23514")
    }

    @Test("the mid-term and final review summaries on the Tủa Chùa demo equal the raw tables; the final one lists the plan's reviews and congresses in order")
    func reviewSummariesMatchTheTables() async throws {
        let demo = try await demo
        let reports = ReportRepository(store: RecordStore(pool: demo.pool))
        let secretary = try await demo.actor("noivu.thuky")
        let midTerm = try await reports.reviewSummary(kind: .midTerm, as: secretary)
        try await ReviewSummaryExpectation.check(midTerm, database: demo.database, area: "dien-bien/tua-chua")
        #expect(midTerm.review.code == "so-ket-2023" && midTerm.fromYear == 2021 && midTerm.toYear == 2023)
        #expect(!midTerm.byMovementAndYear.isEmpty && !midTerm.awards.isEmpty && !midTerm.shortfalls.isEmpty)
        #expect(midTerm.followUp.exemplars == 2 && midTerm.followUp.replications == 2 && midTerm.unitPlans.takingPart > 20)
        let final = try await reports.reviewSummary(kind: .final, as: try await demo.actor("thanhtra"))
        try await ReviewSummaryExpectation.check(final, database: demo.database, area: "dien-bien/tua-chua")
        #expect(final.selections.map(\.review.code) == ["so-ket-2023", "tong-ket-2025", "dai-hoi-huyen-iii", "dai-hoi-tinh-vi", "dai-hoi-toan-quoc-xi"])
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
