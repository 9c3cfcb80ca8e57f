import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Following exemplars (issue 4 §5): designation from a signed commendation, evaluations, propagation and
/// replication by the following unit or the secretariat, and the secretariat's selection for the plan's reviews
/// and congresses, never of an exemplar whose commendation was revoked.
@Suite("ExemplarTests")
struct ExemplarTests {
    typealias Person = RecordsWorld.Person

    /// A decision fixture with commune B's two nominees commended by a signed decision, and the plan's five
    /// reviews and congresses in the test area (as seed/tua-chua/catalogue.sql has them for Tủa Chùa).
    struct Fixture {
        let f: DecisionFixture
        let decision: Decision
        let records: [CommendationRecord]
        let reviews: [String: UUID]
        var exemplars: ExemplarRepository { ExemplarRepository(store: f.world.store) }
        subscript(person: Person) -> Actor { f[person] }

        static func make() async throws -> Fixture {
            let f = try await DecisionFixture.make()
            let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
            var decision = try await f.draft(nominations.map { DecisionItemDraft(nominationID: $0.id, form: "lao-dong-tien-tien") },
                                             on: "2021-12-20")
            decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
            var records: [CommendationRecord] = []
            for nomination in nominations {
                records += try await f.commendations.history(of: nomination.nomineeID, as: f[.secretary])
            }
            try await f.world.asInstaller { connection in
                _ = try await connection.query("""
                    INSERT INTO thidua.emulation_reviews (area_id, code, kind, level, name, year, held_on, basis) VALUES
                        ('test/huyen', 'so-ket-2023', 'mid_term_review', 'district', 'Sơ kết giữa kỳ', 2023, '2023-06-11', 'PLAN.md §6'),
                        ('test/huyen', 'tong-ket-2025', 'final_review', 'district', 'Tổng kết 2021–2025', 2025, NULL, 'PLAN.md §6'),
                        ('test/huyen', 'dai-hoi-huyen-iii', 'congress', 'district', 'Đại hội Thi đua yêu nước huyện lần thứ III', 2025, NULL, 'PLAN.md §6')
                    """)
            }
            let reviews = try await ExemplarRepository(store: f.world.store).reviews(as: f[.secretary])
            return Fixture(f: f, decision: decision, records: records,
                           reviews: Dictionary(uniqueKeysWithValues: reviews.map { ($0.code, $0.id) }))
        }
    }

    @Test("a commended nominee is followed over the years: evaluations, propagation and replication, all audited, and a review lists it with its counts and latest evaluation")
    func followUpEndToEnd() async throws {
        let x = try await Fixture.make()
        let model = try await x.exemplars.designate(
            x.records[0].id, title: "Mô hình vận động hiến đất làm đường liên bản", followedBy: x.f.world.communeB,
            on: day("2022-01-15"), by: x[.clerkB])
        #expect(model.nomineeID == x.records[0].nomineeID && model.nomineeName == "Lò Thị Mai" && model.nomineeUnitID == x.f.world.communeB)
        #expect(model.designatedBy == x.f.world.users[.clerkB])
        _ = try await x.exemplars.evaluate(model.id, on: day("2022-12-20"), period: "Năm 2022", effect: "40 hộ hiến đất",
                                           efficiency: "2 km đường bê tông", potential: "Nhân rộng ra toàn xã", by: x[.headB])
        let latest = try await x.exemplars.evaluate(
            model.id, on: day("2023-05-30"), period: "6 tháng đầu năm 2023", effect: "Thêm 12 hộ", efficiency: "0,5 km",
            potential: "Nhân rộng ra huyện", problems: "Thiếu xi măng", helpGiven: "Huyện hỗ trợ 20 tấn xi măng", by: x[.secretary])
        _ = try await x.exemplars.recordPropagation(.studyVisit, of: model.id, on: day("2023-03-10"),
                                                    audience: "Cán bộ xã Sín Chải", by: x[.clerkB])
        _ = try await x.exemplars.recordPropagation(.media, of: model.id, on: day("2023-04-01"), note: "Phóng sự truyền hình huyện", by: x[.secretary])
        _ = try await x.exemplars.recordReplication(of: model.id, adoptedBy: x.f.world.communeA, on: day("2023-04-20"),
                                                    result: "15 hộ hiến 600 m² đất", by: x[.headB])

        let history = try await x.exemplars.history(of: model.id, as: x[.auditor])
        #expect(history.evaluations.map(\.period) == ["Năm 2022", "6 tháng đầu năm 2023"])
        #expect(history.propagations.map(\.kind) == [.studyVisit, .media])
        #expect(history.replications.map(\.adoptingUnitID) == [x.f.world.communeA])
        #expect(history.evaluations.last?.recordedBy == x.f.world.users[.secretary])

        let midTerm = x.reviews["so-ket-2023"]!
        var candidates = try await x.exemplars.candidates(for: midTerm, as: x[.secretary])
        #expect(candidates.count == 1)
        #expect(candidates.first?.evaluations == 2 && candidates.first?.latestEvaluation == latest)
        #expect(candidates.first?.propagations == 2 && candidates.first?.replications == 1 && candidates.first?.selected == false)
        #expect(candidates.first?.reference == "1/QĐ-UBND" && candidates.first?.form == "lao-dong-tien-tien")
        let selection = try await x.exemplars.select(model.id, for: midTerm, reason: "Tiêu biểu phong trào nông thôn mới", by: x[.secretary])
        candidates = try await x.exemplars.candidates(for: midTerm, as: x[.secretary])
        #expect(candidates.first?.selected == true)
        await #expect(throws: ThiduaError.duplicate(field: "review_selections_review_id_exemplar_id_key")) {
            try await x.exemplars.select(model.id, for: midTerm, reason: "Lần hai", by: x[.secretary])
        }

        for (table, id, action, role) in [
            ("exemplars", model.id, "exemplar.designate", "unit_clerk"),
            ("exemplar_evaluations", latest.id, "exemplar.evaluate", "secretariat"),
            ("exemplar_replications", history.replications[0].id, "exemplar.replicate", "unit_head"),
            ("review_selections", selection.id, "exemplar.select", "secretariat"),
        ] {
            let events = try await x.f.world.audit.history(of: table, id: id.uuidString.lowercased(), as: x[.auditor])
            #expect(events.map(\.action) == [action] && events.first?.actorRole == role, "\(table)")
        }
    }

    @Test("a review's candidates come in one statement, each with its own latest evaluation decoded from the row")
    func candidatesInOneStatement() async throws {
        let x = try await Fixture.make()
        let (mai, pao) = (
            try await x.exemplars.designate(x.records[0].id, title: "Mô hình hiến đất", followedBy: x.f.world.communeB, on: day("2022-01-15"), by: x[.clerkB]),
            try await x.exemplars.designate(x.records[1].id, title: "Mô hình nuôi ong", followedBy: x.f.world.communeB, on: day("2022-02-01"), by: x[.clerkB]))
        _ = try await x.exemplars.evaluate(mai.id, on: day("2022-06-30"), period: "6 tháng đầu năm 2022", effect: "20 hộ",
                                           efficiency: "1 km", potential: "Toàn xã", by: x[.headB])
        let maiLatest = try await x.exemplars.evaluate(mai.id, on: day("2022-12-20"), period: "Năm 2022", effect: "40 hộ", efficiency: "2 km",
                                                       potential: "Toàn huyện", problems: "Thiếu xi măng", by: x[.headB])
        let paoLatest = try await x.exemplars.evaluate(pao.id, on: day("2022-12-21"), period: "Năm 2022", effect: "30 đàn ong",
                                                       efficiency: "2 tấn mật", potential: "Xã bên", helpGiven: "Vốn vay ưu đãi", by: x[.secretary])
        let midTerm = x.reviews["so-ket-2023"]!
        var candidates: [ReviewCandidate] = []
        let sent = try await x.f.world.statements { store in
            candidates = try await ExemplarRepository(store: store).candidates(for: midTerm, as: x[.secretary])
        }
        #expect(candidates.map(\.exemplar.id) == [mai.id, pao.id])
        #expect(candidates.map(\.latestEvaluation) == [maiLatest, paoLatest])
        #expect(candidates.map(\.evaluations) == [2, 1])
        // One statement reads the evaluations, however many candidates: none per candidate.
        #expect(sent.filter { $0.contains("exemplar_evaluations") }.count == 1, "\(sent.joined(separator: "\n---\n"))")
        #expect(try await x.exemplars.candidates(for: midTerm, as: x[.secretary]) == candidates)
    }

    @Test("the following unit and the secretariat write follow-up; another unit, the council and auditors do not, in Swift and in PostgreSQL")
    func whoFollows() async throws {
        let x = try await Fixture.make()
        let model = try await x.exemplars.designate(x.records[0].id, title: "Mô hình hiến đất", followedBy: x.f.world.communeB,
                                                    on: day("2022-01-15"), by: x[.secretary])
        // Commune A neither sees commune B's commendation nor its exemplar.
        await #expect(throws: ThiduaError.notFound("exemplars_commendation_record_id_fkey")) {
            try await x.exemplars.designate(x.records[1].id, title: "Mô hình khác", followedBy: x.f.world.communeA,
                                            on: day("2022-01-15"), by: x[.clerkA])
        }
        await #expect(throws: ThiduaError.notFound("điển hình / exemplar")) {
            try await x.exemplars.evaluate(model.id, on: day("2022-12-20"), period: "2022", effect: "a", efficiency: "b", potential: "c", by: x[.clerkA])
        }
        await #expect(throws: ThiduaError.denied(.notFollowingUnit)) {
            try await x.exemplars.designate(x.records[1].id, title: "Mô hình khác", followedBy: x.f.world.communeB,
                                            on: day("2022-01-15"), by: x[.clerkA])
        }
        await #expect(throws: ThiduaError.denied(.readOnly)) {
            try await x.exemplars.recordPropagation(.media, of: model.id, on: day("2023-01-01"), by: x[.auditor])
        }
        await #expect(throws: ThiduaError.denied(.roleRequired([.unitClerk, .unitHead, .secretariat]))) {
            try await x.exemplars.recordReplication(of: model.id, adoptedBy: x.f.world.communeA, on: day("2023-01-01"), result: "x", by: x[.member])
        }
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
            try await x.exemplars.select(model.id, for: x.reviews["so-ket-2023"]!, reason: "Tự chọn", by: x[.headB])
        }
        // The council and the chairman read it; the other commune does not.
        #expect(try await x.exemplars.history(of: model.id, as: x[.member]).exemplar.id == model.id)
        await #expect(throws: ThiduaError.notFound("điển hình / exemplar")) { try await x.exemplars.history(of: model.id, as: x[.clerkA]) }

        // Behind the Swift policy: what a buggy server could send is refused by row-level security.
        #expect(try await x.f.refusal(of: """
            INSERT INTO thidua.exemplar_evaluations (exemplar_id, evaluated_on, period, effect, efficiency, potential)
            VALUES (\(model.id), '2022-12-20', '2022', 'a', 'b', 'c')
            """, as: x[.member], in: .councilMember) == "42501")
        #expect(try await x.f.refusal(of: """
            INSERT INTO thidua.review_selections (review_id, exemplar_id, reason) VALUES (\(x.reviews["so-ket-2023"]!), \(model.id), 'Tự chọn')
            """, as: x[.headB], in: .unitHead) == "42501")
        #expect(try await x.f.refusal(of: """
            INSERT INTO thidua.exemplar_evaluations (exemplar_id, evaluated_on, period, effect, efficiency, potential)
            VALUES (\(model.id), '2022-12-20', '2022', 'a', 'b', 'c')
            """, as: x[.clerkB], in: .unitClerk) == nil)
        #expect(try await x.f.refusal(of: "UPDATE thidua.exemplar_evaluations SET period = 'khác'", as: x[.secretary], in: .secretariat) == "42501")
    }

    @Test("an exemplar whose commendation was revoked is not selected for a review, nor taken up, nor listed as a candidate — refused in PostgreSQL too")
    func revokedCommendationIsNotSelected() async throws {
        let x = try await Fixture.make()
        let model = try await x.exemplars.designate(x.records[0].id, title: "Mô hình hiến đất", followedBy: x.f.world.communeB,
                                                    on: day("2022-01-15"), by: x[.clerkB])
        let congress = x.reviews["dai-hoi-huyen-iii"]!
        #expect(try await x.exemplars.candidates(for: congress, as: x[.secretary]).map(\.exemplar.id) == [model.id])

        var revocation = try await x.f.decisions.draftRevocation(
            of: x.decision.id, on: day("2024-03-10"), subject: "Về việc hủy bỏ quyết định khen thưởng",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"], reason: "Hồ sơ không trung thực", by: x[.secretary])
        revocation = try await x.f.decisions.sign(revocation.id, version: revocation.version, by: x[.chairman])

        await #expect(throws: ThiduaError.commendationRevoked) {
            try await x.exemplars.select(model.id, for: congress, reason: "Tiêu biểu", by: x[.secretary])
        }
        await #expect(throws: ThiduaError.commendationRevoked) {
            try await x.exemplars.designate(x.records[1].id, title: "Mô hình khác", followedBy: x.f.world.communeB,
                                            on: day("2024-04-01"), by: x[.secretary])
        }
        #expect(try await x.exemplars.candidates(for: congress, as: x[.secretary]).isEmpty)
        #expect(try await x.f.refusal(of: """
            INSERT INTO thidua.review_selections (review_id, exemplar_id, reason) VALUES (\(congress), \(model.id), 'Tiêu biểu')
            """, as: x[.secretary], in: .secretariat) == "TD040")
    }
}
