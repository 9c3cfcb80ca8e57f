import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Reward money for every year of the plan (issue 14 item 6, 0022): a decision's amount is computed from the
/// coefficient and the base salary in force on the decision's own date — Nghị định 91/2017 until 2023, the base
/// salary of Nghị định 38/2019, 24/2023 or 73/2024 by date — and the item keeps both figures and their bases,
/// whatever the tables say later. A collective's Giấy khen has a coefficient in every period.
@Suite("RewardMoneyTests")
struct RewardMoneyTests {
    static let decree91 = "Nghị định 91/2017/NĐ-CP"

    /// A decision of the district dated `date` over `items`, signed by the chairman.
    static func signed(_ items: [DecisionItemDraft], on date: String, in f: DecisionFixture) async throws -> Decision {
        let draft = try await f.draft(items, on: date)
        return try await f.decisions.sign(draft.id, version: draft.version, by: f[.chairman])
    }

    /// A collective of commune B nominated and taken through the workflow to `approved`, as
    /// ``RecordsWorld/verified(_:ofCommuneA:)`` does for a person.
    static func approvedCollective(_ name: String, in f: DecisionFixture) async throws -> Nomination {
        let world = f.world
        var draft = world.draft(name: name)
        draft.nominee = .new(NewNominee(kind: .collective, name: name))
        draft.content.title = "Tập thể điển hình tiên tiến"
        let clerk = try await world.actor(.clerkB)
        var nomination = try await world.nominations.create(draft, by: clerk)
        try await world.completeDossier(of: nomination.id, by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(.headB))
        nomination = try await world.nominations.perform(.endorse, on: nomination.id, version: nomination.version, by: try await world.actor(.leadHead))
        nomination = try await world.nominations.perform(.verify, on: nomination.id, version: nomination.version, by: f[.secretary])
        return try #require(try await f.approve([nomination.id]).first)
    }

    @Test("a 2021 decision's items are computed under Nghị định 91/2017 with the base salary of 1,490,000 đồng, and say so in Điều 2, the records and the certificates")
    func decisionOf2021() async throws {
        let f = try await DecisionFixture.make()
        let people = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        let collective = try await Self.approvedCollective("Tổ hợp tác chè Shan tuyết Sín Chải", in: f)
        let decision = try await Self.signed([
            DecisionItemDraft(nominationID: people[0].id, form: "lao-dong-tien-tien"),
            DecisionItemDraft(nominationID: people[1].id, form: "giay-khen-chu-tich-huyen"),
            DecisionItemDraft(nominationID: collective.id, form: "giay-khen-chu-tich-huyen"),
        ], on: "2021-12-20", in: f)

        #expect(decision.items.map(\.reward) == [
            Reward(coefficient: Decimal(string: "0.3")!, baseSalary: 1_490_000, amount: 447_000),
            Reward(coefficient: Decimal(string: "0.3")!, baseSalary: 1_490_000, amount: 447_000),
            Reward(coefficient: Decimal(string: "0.6")!, baseSalary: 1_490_000, amount: 894_000),
        ])
        let bases = decision.items.compactMap(\.rewardBasis)
        #expect(bases.count == 3)
        #expect(bases.allSatisfy { $0.coefficient.hasPrefix(Self.decree91) && $0.baseSalary.hasPrefix("Nghị định 38/2019/NĐ-CP") })
        // What was found quoted is 'partly'; the district's Giấy khen figure was not found, and says so.
        #expect(bases.map(\.coefficientVerification) == [.partly, .unverified, .unverified])

        let document = try await f.decisions.document(decision.id, as: f[.secretary])
        #expect(document.articles.contains { $0.hasSuffix("Sùng A Páo: Giấy khen của Chủ tịch Ủy ban nhân dân huyện; tiền thưởng 447.000 đồng") })
        #expect(document.articles.contains { $0.hasSuffix("Tổ hợp tác chè Shan tuyết Sín Chải: Giấy khen của Chủ tịch Ủy ban nhân dân huyện; tiền thưởng 894.000 đồng") })
        let article2 = try #require(document.closing.first)
        #expect(article2.contains("mức lương cơ sở 1.490.000 đồng") && article2.contains("tổng cộng 1.788.000 đồng"), "\(article2)")

        #expect(try await f.commendations.history(of: collective.nomineeID, as: f[.secretary]).first?.amount == 894_000)
        let certificates = try await f.decisions.certificates(decision.id, as: f[.secretary])
        #expect(certificates.map(\.amount) == [447_000, 447_000, 894_000])
        #expect(certificates.last?.rewardLine == "Tiền thưởng: 894.000 đồng" && certificates.last?.recipientKind == .collective)
    }

    @Test("the base salary is the one in force on the decision's date: 1,490,000 to 30/6/2023, 1,800,000 from 1/7/2023, 2,340,000 from 1/7/2024")
    func baseSalaryByDate() async throws {
        let f = try await DecisionFixture.make()
        let people = try await f.approved(["Lò Thị Mai", "Sùng A Páo", "Giàng A Dình"])
        let cases: [(date: String, salary: Int64, amount: Int64, salaryBasis: String, coefficientBasis: String)] = [
            ("2023-06-30", 1_490_000, 447_000, "Nghị định 38/2019/NĐ-CP", Self.decree91),
            ("2023-07-01", 1_800_000, 540_000, "Nghị định 24/2023/NĐ-CP", Self.decree91),
            ("2024-07-01", 2_340_000, 702_000, "Nghị định 73/2024/NĐ-CP", "Nghị định 98/2023/NĐ-CP"),
        ]
        for (person, expected) in zip(people, cases) {
            let decision = try await Self.signed([DecisionItemDraft(nominationID: person.id, form: "lao-dong-tien-tien")], on: expected.date, in: f)
            let item = try #require(decision.items.first)
            #expect(item.reward == Reward(coefficient: Decimal(string: "0.3")!, baseSalary: expected.salary, amount: expected.amount), "\(expected.date)")
            #expect(item.rewardBasis?.baseSalary.hasPrefix(expected.salaryBasis) == true, "\(expected.date)")
            #expect(item.rewardBasis?.coefficient.hasPrefix(expected.coefficientBasis) == true, "\(expected.date)")
        }
    }

    @Test("a collective's Giấy khen carries twice the individual's coefficient in every period of the plan")
    func collectiveGiayKhen() async throws {
        let f = try await DecisionFixture.make()
        let cases: [(date: String, amount: Int64, basis: String)] = [
            ("2022-12-20", 894_000, Self.decree91),                   // 0.6 × 1,490,000
            ("2024-03-15", 1_080_000, "Nghị định 98/2023/NĐ-CP"),     // 0.6 × 1,800,000
            ("2024-12-20", 1_404_000, "Nghị định 98/2023/NĐ-CP"),     // 0.6 × 2,340,000
        ]
        for (index, expected) in cases.enumerated() {
            let collective = try await Self.approvedCollective("Hợp tác xã nông nghiệp số \(index + 1)", in: f)
            let decision = try await Self.signed(
                [DecisionItemDraft(nominationID: collective.id, form: "giay-khen-chu-tich-huyen")], on: expected.date, in: f)
            let item = try #require(decision.items.first)
            #expect(item.nomineeKind == .collective)
            #expect(item.reward?.coefficient == Decimal(string: "0.6") && item.reward?.amount == expected.amount, "\(expected.date)")
            #expect(item.rewardBasis?.coefficient.hasPrefix(expected.basis) == true, "\(expected.date)")
        }
        // The commune chairman's, from 1/7/2025 (Nghị định 152/2025), as the law tables give it.
        #expect(try await f.rules.reward("giay-khen-chu-tich-xa", for: .collective, on: day("2025-09-01"), as: f[.secretary])
                == Reward(coefficient: Decimal(string: "0.6")!, baseSalary: 2_340_000, amount: 1_404_000))
        #expect(try await f.rules.reward("giay-khen-chu-tich-xa", for: .collective, on: day("2021-12-20"), as: f[.secretary])
                == Reward(coefficient: Decimal(string: "0.3")!, baseSalary: 1_490_000, amount: 447_000))
    }

    @Test("an item keeps its own coefficient, base salary and their bases when the tables are corrected later; a new item takes the correction")
    func itemKeepsItsOwn() async throws {
        let f = try await DecisionFixture.make()
        let people = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        let first = try await Self.signed([DecisionItemDraft(nominationID: people[0].id, form: "lao-dong-tien-tien")], on: "2021-12-20", in: f)
        let kept = try #require(first.items.first)
        let correction = "Sửa đổi thử nghiệm của bảng hệ số"
        try await f.world.asInstaller { connection in
            _ = try await connection.query("""
                UPDATE thidua.reward_coefficients SET coefficient = 0.5, legal_basis = \(correction), version = version + 1
                WHERE form_code = 'lao-dong-tien-tien' AND nominee_kind = 'individual' AND valid_from = '2017-10-01'
                """)
            _ = try await connection.query("""
                UPDATE thidua.base_salaries SET amount = 1500000, legal_basis = \(correction), version = version + 1
                WHERE valid_from = '2019-07-01'
                """)
        }

        let reread = try await f.decisions.decision(first.id, as: f[.secretary])
        #expect(reread.items.first?.reward == kept.reward && kept.reward?.amount == 447_000)
        #expect(reread.items.first?.rewardBasis == kept.rewardBasis && kept.rewardBasis?.coefficient.hasPrefix(Self.decree91) == true)
        #expect(try await f.commendations.history(of: people[0].nomineeID, as: f[.secretary]).first?.amount == 447_000)
        #expect(try await f.decisions.document(first.id, as: f[.secretary]).articles.contains { $0.hasSuffix("tiền thưởng 447.000 đồng") })

        let second = try await f.draft([DecisionItemDraft(nominationID: people[1].id, form: "lao-dong-tien-tien")], on: "2021-12-20")
        #expect(second.items.first?.reward == Reward(coefficient: Decimal(string: "0.5")!, baseSalary: 1_500_000, amount: 750_000))
        #expect(second.items.first?.rewardBasis?.coefficient == correction && second.items.first?.rewardBasis?.baseSalary == correction)
    }

    @Test("the demo's decision 1/QĐ-UBND of 2021 gives every collective, person, household and village its amount, in Điều 1, Điều 2 and on the certificates")
    func demoDecisionOf2021() async throws {
        let demo = try await DemoNominationsTests.demo.value
        let id = try await demo.superuser("""
            SELECT id FROM thidua.decisions WHERE state = 'signed' AND number = 1 AND decided_on = '2021-12-20'
            """).single()!.decode(UUID.self, at: 0)
        let secretary = try await demo.actor("noivu.thuky")
        let decisions = DecisionRepository(store: RecordStore(pool: demo.pool))
        let decision = try await decisions.decision(id, as: secretary)
        #expect(!decision.liveItems.isEmpty)
        #expect(decision.liveItems.allSatisfy { $0.reward?.baseSalary == 1_490_000 && $0.rewardBasis != nil }, "\(decision.liveItems)")
        #expect(Set(decision.liveItems.map(\.nomineeKind)).isSuperset(of: [.individual, .collective]))
        let document = try await decisions.document(id, as: secretary)
        let total = decision.liveItems.compactMap(\.reward?.amount).reduce(0, +)
        #expect(document.closing.first?.contains("tổng cộng \(DecisionDocument.money(total)) đồng") == true, "\(document.closing)")
        #expect(document.entries.allSatisfy { $0.amount != nil })
        let certificates = try await decisions.certificates(id, as: secretary)
        #expect(!certificates.isEmpty && certificates.allSatisfy { $0.amount != nil && $0.rewardLine != nil })
    }

    @Test("the stored figures and bases cannot be written by the application: an item's money comes only from the law tables")
    func moneyIsNotTyped() async throws {
        let f = try await DecisionFixture.make()
        let people = try await f.approved(["Lò Thị Mai"])
        let draft = try await f.draft([DecisionItemDraft(nominationID: people[0].id, form: "lao-dong-tien-tien")], on: "2021-12-20")
        let item = try #require(draft.items.first?.id)
        let state = try await f.refusal(
            of: "UPDATE thidua.decision_items SET coefficient_basis = 'Tự ghi', version = version + 1 WHERE id = \(item)",
            as: f[.secretary], in: .secretariat)
        #expect(state != nil)
    }
}
