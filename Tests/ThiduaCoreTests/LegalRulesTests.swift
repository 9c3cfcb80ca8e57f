import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// The legal rules as data (issue 4 §2, LAW.md): who may confer what and when, the reward coefficients and the
/// base salary in force on a date, read through ``LegalRules``.
@Suite("LegalRulesTests")
struct LegalRulesTests {
    @Test("the authority table routes each form: the district confers its list until 2025-07-01 and proposes the rest to the province; the commune takes the district's list from then")
    func authorityByLevelAndDate() async throws {
        let f = try await DecisionFixture.make()
        let secretary = f[.secretary]
        let cases: [(String, AuthorityLevel, String, ConferralRoute)] = [
            ("lao-dong-tien-tien", .districtChairman, "2024-12-20", .confer),
            ("giay-khen-chu-tich-huyen", .districtChairman, "2022-05-01", .confer),
            ("tap-the-lao-dong-xuat-sac", .districtChairman, "2024-12-20", .propose(to: .provinceChairman)),
            ("bang-khen-chu-tich-tinh", .districtChairman, "2024-12-20", .propose(to: .provinceChairman)),
            ("chien-si-thi-dua-co-so", .communeChairman, "2024-12-20", .propose(to: .districtChairman)),
            ("chien-si-thi-dua-co-so", .communeChairman, "2025-08-01", .confer),
            ("giay-khen-chu-tich-huyen", .districtChairman, "2025-07-01", .nobody),
            ("gia-dinh-van-hoa", .districtChairman, "2024-12-20", .nobody),
        ]
        for (form, level, date, expected) in cases {
            #expect(try await f.rules.route(form, from: level, on: day(date), as: secretary) == expected, "\(form) \(level) \(date)")
        }
        let forms = try await f.rules.forms(as: f[.clerkA])
        #expect(forms.first { $0.code == "xa-tieu-bieu" }?.noticeWorkingDays == 10)
        #expect(forms.first { $0.code == "lao-dong-tien-tien" }?.nomineeKinds == [.individual])
    }

    @Test("a decision cites the law and decree in force on its day, law first, then each plan once")
    func decisionBasesOnADate() async throws {
        let f = try await DecisionFixture.make()
        let secretary = f[.secretary]
        let plan = "Kế hoạch số 123/KH-UBND ngày 02 tháng 7 năm 2021 của Ủy ban nhân dân huyện Tủa Chùa"
        let in2021 = try await f.rules.decisionBases(on: day("2021-12-28"), plans: [plan, plan], as: secretary)
        #expect(in2021.count == 3 && in2021[0].hasPrefix("Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003")
                && in2021[1].hasPrefix("Nghị định số 91/2017/NĐ-CP") && in2021[2] == plan)
        let in2024 = try await f.rules.decisionBases(on: day("2024-12-20"), plans: [], as: secretary)
        #expect(in2024.count == 2 && in2024[0] == "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022" && in2024[1].hasPrefix("Nghị định số 98/2023/NĐ-CP"))
        let in2025 = try await f.rules.decisionBases(on: day("2025-07-01"), plans: [], as: secretary)
        #expect(in2025.count == 2 && in2025[1].hasPrefix("Nghị định số 152/2025/NĐ-CP"))
    }

    @Test("the base salary and the reward are those in force on the day asked, with their basis")
    func moneyOnADate() async throws {
        let f = try await DecisionFixture.make()
        let secretary = f[.secretary]
        #expect(try await f.rules.baseSalary(on: day("2021-06-30"), as: secretary)?.amount == 1_490_000)
        #expect(try await f.rules.baseSalary(on: day("2024-06-30"), as: secretary)?.amount == 1_800_000)
        let current = try await f.rules.baseSalary(on: day("2024-07-01"), as: secretary)
        #expect(current?.amount == 2_340_000 && current?.legalBasis == "Nghị định 73/2024/NĐ-CP" && current?.verification == .verified)
        #expect(try await f.rules.baseSalary(on: day("2019-06-30"), as: secretary) == nil)

        #expect(try await f.rules.reward("tap-the-lao-dong-tien-tien", for: .collective, on: day("2025-09-01"), as: secretary)
                == Reward(coefficient: Decimal(string: "0.8")!, baseSalary: 2_340_000, amount: 1_872_000))
        #expect(try await f.rules.reward("giay-khen-chu-tich-xa", for: .household, on: day("2025-09-01"), as: secretary)
                == Reward(coefficient: Decimal(string: "0.45")!, baseSalary: 2_340_000, amount: 1_053_000))
        // No coefficient for this form and kind: no reward, not a zero one.
        #expect(try await f.rules.reward("bang-khen-chu-tich-tinh", for: .individual, on: day("2025-09-01"), as: secretary) == nil)
        // A coefficient, but no base salary recorded that far back: refused, not computed from another year's.
        try await f.world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.reward_coefficients (form_code, nominee_kind, coefficient, valid_from, valid_to, legal_basis, verification)
                VALUES ('lao-dong-tien-tien', 'individual', 0.3, '2010-01-01', '2018-01-01', 'Thử nghiệm', 'unverified')
                """)
        }
        await #expect(throws: ThiduaError.noBaseSalary) {
            try await f.rules.reward("lao-dong-tien-tien", for: .individual, on: day("2015-01-01"), as: secretary)
        }
    }

    @Test("the law is national: an administrator acting through the application role adds or ends none of it; the installer does")
    func theLawIsNational() async throws {
        let f = try await DecisionFixture.make()
        let admin = try await f.world.actor(.admin)
        let attempts: [(String, PostgresQuery)] = [
            ("a form", """
                INSERT INTO thidua.commendation_forms (code, name, kind, nominee_kinds)
                VALUES ('giay-khen-gia', 'Giấy khen giả', 'certificate', ARRAY['individual'])
                """),
            ("an authority", "UPDATE thidua.conferring_authorities SET valid_to = '2099-01-01' WHERE valid_to IS NOT NULL"),
            ("a coefficient", """
                INSERT INTO thidua.reward_coefficients (form_code, nominee_kind, coefficient, valid_from, legal_basis, verification)
                VALUES ('lao-dong-tien-tien', 'individual', 9, '2030-01-01', 'Tự đặt', 'unverified')
                """),
            ("a base salary", "UPDATE thidua.base_salaries SET amount = 99000000 WHERE valid_to IS NULL"),
            ("a time limit", "UPDATE thidua.processing_limits SET working_days = 1"),
        ]
        for (what, statement) in attempts {
            do {
                try await f.world.store.write(admin, Capacity(role: .admin), action: "test.law") { connection in
                    _ = try await connection.query(statement)
                }
                Issue.record("an administrator changed \(what)")
            } catch {
                // 42501, insufficient privilege: the grant is gone, not merely a policy that fails to match.
                #expect(error as? ThiduaError == .denied(.refusedByDatabase), "\(what): \(error)")
            }
        }
        #expect(try await f.rules.baseSalary(on: day("2026-01-01"), as: admin)?.amount == 2_340_000)
        try await f.world.asInstaller { connection in
            _ = try await connection.query("UPDATE thidua.base_salaries SET legal_basis = 'Nghị định 73/2024/NĐ-CP ngày 30/6/2024' WHERE valid_to IS NULL")
        }
        #expect(try await f.rules.baseSalary(on: day("2026-01-01"), as: admin)?.legalBasis == "Nghị định 73/2024/NĐ-CP ngày 30/6/2024")
    }
}
