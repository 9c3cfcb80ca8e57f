import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The mid-term and final review summaries over five years of history: nominations of the 2021, 2022 and 2024
/// rounds commended at each year's end, exemplars designated, evaluated, propagated and replicated from 2022 to 2025, selections for the
/// mid-term review and the district congress, and a revoked decision whose award and selection drop out.
@Suite("ReviewSummaryTests")
struct ReviewSummaryTests {
    typealias Person = RecordsWorld.Person

    @Test("each summary counts its own years: the mid-term one 2021–2023, the final one 2021–2025; revoked awards and selections drop out")
    func summariesCountTheirYears() async throws {
        let f = try await DecisionFixture.make()
        let world = f.world
        try await world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.emulation_reviews (area_id, code, kind, level, name, year, held_on, basis, period) VALUES
                    ('test/huyen', 'so-ket-2023', 'mid_term_review', 'district', 'Sơ kết giữa kỳ giai đoạn 2021–2025', 2023, '2023-06-11', 'PLAN.md §6', '2021-2025'),
                    ('test/huyen', 'tong-ket-2025', 'final_review', 'district', 'Tổng kết giai đoạn 2021–2025', 2025, NULL, 'PLAN.md §6', '2021-2025'),
                    ('test/huyen', 'dai-hoi-huyen-iii', 'congress', 'district', 'Đại hội Thi đua yêu nước huyện lần thứ III', 2025, NULL, 'PLAN.md §6', NULL)
                """)
        }
        let nominations = try await f.approved(["Lò Thị Mai"]) + [try await approved("Sùng A Páo", in: 2022, f), try await approved("Vàng Thị Dua", in: 2024, f)]
        var records: [CommendationRecord] = []
        var decisions: [Decision] = []
        for (nomination, (form, date)) in zip(nominations, [("lao-dong-tien-tien", "2021-12-20"), ("giay-khen-chu-tich-huyen", "2022-12-20"),
                                                             ("giay-khen-chu-tich-huyen", "2024-12-20")]) {
            var decision = try await f.draft([DecisionItemDraft(nominationID: nomination.id, form: form)], on: date)
            decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
            decisions.append(decision)
            records += try await f.commendations.history(of: nomination.nomineeID, as: f[.secretary])
        }
        let exemplars = ExemplarRepository(store: world.store)
        let mai = try await exemplars.designate(records[0].id, title: "Mô hình hiến đất làm đường", followedBy: world.communeB,
                                                on: day("2022-01-15"), by: f[.clerkB])
        let dua = try await exemplars.designate(records[2].id, title: "Mô hình nuôi ong lấy mật", followedBy: world.communeB,
                                                on: day("2025-01-10"), by: f[.secretary])
        _ = try await exemplars.evaluate(mai.id, on: day("2022-12-20"), period: "Năm 2022", effect: "40 hộ hiến đất", efficiency: "2 km đường",
                                         potential: "Nhân rộng ra toàn xã", by: f[.headB])
        _ = try await exemplars.evaluate(mai.id, on: day("2024-06-01"), period: "6 tháng đầu năm 2024", effect: "Thêm 12 hộ", efficiency: "0,5 km",
                                         potential: "Nhân rộng ra huyện", by: f[.secretary])
        _ = try await exemplars.recordPropagation(.studyVisit, of: mai.id, on: day("2023-03-10"), audience: "Cán bộ xã Sín Chải", by: f[.clerkB])
        _ = try await exemplars.recordPropagation(.media, of: mai.id, on: day("2024-04-01"), note: "Phóng sự truyền hình huyện", by: f[.secretary])
        _ = try await exemplars.recordPropagation(.exchange, of: dua.id, on: day("2025-03-01"), by: f[.secretary])
        _ = try await exemplars.recordReplication(of: mai.id, adoptedBy: world.communeA, on: day("2023-04-20"), result: "15 hộ hiến đất", by: f[.headB])
        _ = try await exemplars.recordReplication(of: dua.id, adoptedBy: world.communeA, on: day("2025-05-01"), result: "5 hộ nuôi ong", by: f[.secretary])
        let reviews = Dictionary(uniqueKeysWithValues: try await exemplars.reviews(as: f[.secretary]).map { ($0.code, $0.id) })
        _ = try await exemplars.select(mai.id, for: reviews["so-ket-2023"]!, reason: "Tiêu biểu phong trào nông thôn mới", by: f[.secretary])
        for model in [mai, dua] {
            _ = try await exemplars.select(model.id, for: reviews["dai-hoi-huyen-iii"]!, reason: "Điển hình của huyện", by: f[.secretary])
        }
        try await ReportRepository(store: world.store).recordUnitPlan(
            unit: world.communeA, period: "2021-2025", number: "15/KH-UBND", issuedOn: "2021-08-02", receivedOn: "2021-08-05", by: f[.secretary])

        let reports = ReportRepository(store: world.store)
        let midTerm = try await reports.reviewSummary(kind: .midTerm, as: f[.secretary])
        try await ReviewSummaryExpectation.check(midTerm, database: world.database, area: world.areaID)
        #expect(midTerm.review.code == "so-ket-2023" && midTerm.fromYear == 2021 && midTerm.toYear == 2023)
        #expect(midTerm.awards.map(\.year) == [2021, 2022] && midTerm.awards.map(\.form) == ["lao-dong-tien-tien", "giay-khen-chu-tich-huyen"])
        #expect(midTerm.byMovementAndYear.map(\.year) == [2021, 2022] && midTerm.byMovementAndYear.map(\.commended) == [1, 1])
        #expect(midTerm.followUp.exemplars == 1 && midTerm.followUp.evaluations == 1 && midTerm.followUp.replications == 1)
        #expect(midTerm.followUp.propagations.filter { $0.count > 0 }.map(\.kind) == [.studyVisit])
        #expect(midTerm.followUp.adoptingUnits.map(\.unitID) == [world.communeA])
        #expect(midTerm.selections.map(\.review.code) == ["so-ket-2023"] && midTerm.selections.first?.nominees == ["Lò Thị Mai"])
        #expect(midTerm.unitPlans.received == 1 && midTerm.unitPlans.takingPart == 5)
        // The 2021 round asks at least one collective and three individuals: one individual came; the later rounds ask none.
        #expect(midTerm.shortfalls.map { "\($0.roundCode) \($0.nomineeKind?.rawValue ?? "any") \($0.required) \($0.submitted)" }
                == ["thu-2021 collective 1 0", "thu-2021 individual 3 1"])

        var final = try await reports.reviewSummary(kind: .final, as: f[.auditor])
        try await ReviewSummaryExpectation.check(final, database: world.database, area: world.areaID)
        #expect(final.review.code == "tong-ket-2025" && final.toYear == 2025 && final.awards.map(\.year) == [2021, 2022, 2024])
        #expect(final.byMovementAndYear.map(\.year) == [2021, 2022, 2024])
        #expect(final.followUp.exemplars == 2 && final.followUp.evaluations == 2 && final.followUp.replications == 2)
        #expect(final.followUp.adoptingUnits.first?.replications == 2)
        #expect(final.selections.map(\.review.code) == ["so-ket-2023", "tong-ket-2025", "dai-hoi-huyen-iii"])
        #expect(final.selections.map(\.selected) == [1, 0, 2])

        var revocation = try await f.decisions.draftRevocation(
            of: decisions[2].id, on: day("2025-03-10"), subject: "Về việc hủy bỏ quyết định khen thưởng",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"], reason: "Hồ sơ kê khai không trung thực", by: f[.secretary])
        revocation = try await f.decisions.sign(revocation.id, version: revocation.version, by: f[.chairman])
        final = try await reports.reviewSummary(kind: .final, as: f[.secretary])
        try await ReviewSummaryExpectation.check(final, database: world.database, area: world.areaID)
        #expect(final.awards.map(\.year) == [2021, 2022] && final.selections.last?.nominees == ["Lò Thị Mai"])
    }

    /// A commune B nomination of a new round of `year` (open now, as the workflow needs), taken through its own
    /// council session to `approved`.
    private func approved(_ name: String, in year: Int, _ f: DecisionFixture) async throws -> Nomination {
        let world = f.world
        let round = UUID()
        try await world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.rounds (id, area_id, code, name, year, level, opens_at, due_at)
                VALUES (\(round), 'test/huyen', \("thu-\(year)"), \("Đợt thử năm \(year)"), \(year), 'district',
                        now() - interval '30 days', now() + interval '30 days')
                """)
            _ = try await connection.query("INSERT INTO thidua.round_unit_limits VALUES (\(round), 'commune', 1, 4)")
        }
        var draft = world.draft(name: name)
        draft.roundID = round
        var nomination = try await world.nominations.create(draft, by: f[.clerkB])
        try await world.completeDossier(of: nomination.id, by: f[.clerkB])
        for (event, person) in [(NominationEvent.submit, Person.headB), (.endorse, .leadHead), (.verify, .secretary)] {
            nomination = try await world.nominations.perform(event, on: nomination.id, version: nomination.version, by: f[person])
        }
        let session = try await f.council.council.open(round: round, title: "Phiên họp năm \(year)", nominations: [nomination.id], by: f[.secretary])
        for member in [Person.member, .chairman] {
            _ = try await f.council.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: f[member])
        }
        _ = try await f.council.council.close(session.id, version: session.version, by: f[.secretary])
        return try await world.nominations.get(nomination.id, as: f[.secretary])
    }

    @Test("without a review of the kind that names its period, the summary is not found")
    func noReviewNoSummary() async throws {
        let world = try await RecordsWorld.make()
        await #expect(throws: ThiduaError.notFound("kỳ sơ kết, tổng kết / review")) {
            try await ReportRepository(store: world.store).reviewSummary(kind: .midTerm, as: try await world.actor(.secretary))
        }
    }
}
