import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Commendation history and eligibility (issue 4 §4): consecutive-year flags from a seeded multi-year history
/// against hand-worked cases, awards by movement never counting toward a merit proposal, revocations, and the
/// secretariat's warning of a nominee commended twice in one year.
@Suite("EligibilityTests")
struct EligibilityTests {
    typealias Person = RecordsWorld.Person

    /// A year of a seeded history: the form held, its type, whether it was revoked since.
    struct Held: Sendable {
        var year: Int
        var form = "chien-si-thi-dua-co-so"
        var type = CommendationType.merit
        var revoked = false
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var history: [Held]
        var asOf: String
        /// rule code → qualifying years; empty when no flag is expected.
        var expected: [String: [Int]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "three consecutive merit years → eligible", history: [Held(year: 2021), Held(year: 2022), Held(year: 2023)],
             asOf: "2024-03-01", expected: ["cstd-tinh": [2021, 2022, 2023]]),
        Case(name: "a gap year → not", history: [Held(year: 2020), Held(year: 2021), Held(year: 2023)],
             asOf: "2024-03-01", expected: [:]),
        Case(name: "a revoked year → not", history: [Held(year: 2021), Held(year: 2022, revoked: true), Held(year: 2023)],
             asOf: "2024-03-01", expected: [:]),
        Case(name: "a by-movement award in the run is not counted", history: [Held(year: 2021), Held(year: 2022, type: .byMovement), Held(year: 2023)],
             asOf: "2024-03-01", expected: [:]),
        Case(name: "an ad hoc award in the run is not counted", history: [Held(year: 2021), Held(year: 2022, type: .adHoc), Held(year: 2023)],
             asOf: "2024-03-01", expected: [:]),
        Case(name: "four years: the last three qualify", history: (2020...2023).map { Held(year: $0) },
             asOf: "2024-03-01", expected: ["cstd-tinh": [2021, 2022, 2023]]),
        Case(name: "the run ended too long ago (more than one year before) → not", history: (2019...2021).map { Held(year: $0) },
             asOf: "2024-03-01", expected: [:]),
        Case(name: "the same run the year after it ended → eligible under the pre-2024 rule", history: (2019...2021).map { Held(year: $0) },
             asOf: "2022-06-01", expected: ["cstd-tinh": [2019, 2020, 2021]]),
        Case(name: "the third year not yet conferred on the day asked → not", history: [Held(year: 2021), Held(year: 2022), Held(year: 2023)],
             asOf: "2023-12-01", expected: [:]),
        Case(name: "years used up by a conferral of the higher title do not count again",
             history: (2021...2023).map { Held(year: $0) } + [Held(year: 2023, form: "chien-si-thi-dua-cap-tinh")],
             asOf: "2024-03-01", expected: [:]),
        Case(name: "two consecutive provincial titles → eligible for the national one",
             history: [Held(year: 2022, form: "chien-si-thi-dua-cap-tinh"), Held(year: 2023, form: "chien-si-thi-dua-cap-tinh")],
             asOf: "2024-03-01", expected: ["cstd-toan-quoc": [2022, 2023]]),
        Case(name: "another lower form (Lao động tiên tiến) makes no run",
             history: (2021...2023).map { Held(year: $0, form: "lao-dong-tien-tien") }, asOf: "2024-03-01", expected: [:]),
    ]

    /// Seeds commendation records directly, as the superuser with triggers off (session_replication_role =
    /// replica). A real record comes only from a signed decision over an approved nomination of a round of its
    /// year: eight years of history for a dozen nominees would take a round, a council session and a decision
    /// per year and nominee. `realDecisionsCount` below takes the real path once, so the seeded rows are the
    /// shape signing makes (decision and item ids here point nowhere: foreign keys are triggers too).
    static func seed(_ history: [Held], name: String, in world: RecordsWorld) async throws -> UUID {
        let nominee = UUID()
        let (area, unit) = (world.areaID, world.communeB)
        try await world.superuser { connection in
            try await connection.withTransaction { connection in
                _ = try await connection.query("SET LOCAL session_replication_role = replica")
                _ = try await connection.query("""
                    INSERT INTO thidua.nominees (id, area_id, unit_id, kind, name) VALUES (\(nominee), \(area), \(unit), 'individual', \(name))
                    """)
                for held in history {
                    _ = try await connection.query("""
                        INSERT INTO thidua.commendation_records (area_id, unit_id, nominee_id, nominee_name, decision_item_id, decision_id, year,
                            form_code, type_code, conferred_by, conferred_on, reference, revoked_at, revoked_by_decision_id)
                        VALUES (\(area), \(unit), \(nominee), \(name), gen_random_uuid(), gen_random_uuid(), \(held.year), \(held.form),
                                \(held.type.rawValue), 'district_chairman', make_date(\(held.year)::integer, 12, 20), \("\(held.year)/QĐ-UBND"),
                                \(held.revoked ? Date() : nil), \(held.revoked ? UUID() : nil))
                        """)
                }
            }
        }
        return nominee
    }

    @Test("flags from a seeded multi-year history match the hand-worked cases", arguments: cases)
    func handWorkedCases(_ example: Case) async throws {
        let world = try await RecordsWorld.make(poolSize: 2)
        let nominee = try await Self.seed(example.history, name: "Lò Thị Mai", in: world)
        let flags = try await EligibilityRepository(store: world.store).flags(
            asOf: day(example.asOf), nominee: nominee, as: try await world.actor(.secretary))
        #expect(Dictionary(uniqueKeysWithValues: flags.map { ($0.ruleCode, $0.qualifyingYears) }) == example.expected)
        #expect(flags.allSatisfy { $0.nomineeID == nominee && $0.nomineeName == "Lò Thị Mai" && $0.unitID == world.communeB })
    }

    @Test("for a whole area each reader sees the flags of the commendations they may read")
    func wholeArea() async throws {
        let world = try await RecordsWorld.make(poolSize: 2)
        let mai = try await Self.seed((2021...2023).map { Held(year: $0) }, name: "Lò Thị Mai", in: world)
        let pao = try await Self.seed((2021...2023).map { Held(year: $0, type: $0 == 2022 ? .byMovement : .merit) }, name: "Sùng A Páo", in: world)
        let chu = try await Self.seed([Held(year: 2022, form: "chien-si-thi-dua-cap-tinh"), Held(year: 2023, form: "chien-si-thi-dua-cap-tinh")],
                                      name: "Thào Seo Chứ", in: world)
        let eligibility = EligibilityRepository(store: world.store)
        let flags = try await eligibility.flags(asOf: day("2024-03-01"), as: try await world.actor(.secretary))
        #expect(flags.map(\.nomineeID) == [mai, chu] && !flags.map(\.nomineeID).contains(pao))
        #expect(flags.map(\.targetForm) == ["chien-si-thi-dua-cap-tinh", "chien-si-thi-dua-toan-quoc"])
        #expect(try await eligibility.flags(asOf: day("2024-03-01"), as: try await world.actor(.clerkB)).count == 2)
        #expect(try await eligibility.flags(asOf: day("2024-03-01"), as: try await world.actor(.clerkA)).isEmpty)
        await #expect(throws: ThiduaError.denied(.roleRequired([.unitClerk, .unitHead, .secretariat, .chairman, .auditor]))) {
            try await eligibility.flags(asOf: day("2024-03-01"), as: try await world.actor(.member))
        }
    }

    @Test("the rules are data with their basis; no rule may count awards by movement or ad hoc, not even the administrator's")
    func rulesAreData() async throws {
        let f = try await CouncilFixture.make(poolSize: 2)
        let rules = try await EligibilityRepository(store: f.world.store).rules(as: f[.secretary])
        let current = rules.filter { $0.validTo == nil }
        #expect(Set(current.map(\.code)) == ["cstd-tinh", "cstd-toan-quoc"])
        #expect(current.allSatisfy { $0.countedTypes == [.merit] && $0.verification == .unverified && !$0.legalBasis.isEmpty })
        #expect(current.first { $0.code == "cstd-tinh" }?.consecutiveYears == 3)
        #expect(current.first { $0.code == "cstd-toan-quoc" }?.consecutiveYears == 2)
        for types in ["{by_movement}", "{merit,ad_hoc}"] {
            #expect(try await f.refusal(of: """
                INSERT INTO thidua.eligibility_rules (code, target_form_code, required_form_codes, consecutive_years, counted_types,
                                                      valid_from, legal_basis, verification)
                VALUES ('thu', 'chien-si-thi-dua-cap-tinh', '{chien-si-thi-dua-co-so}', 3, \(types)::text[], '2026-01-01', 'Thử', 'unverified')
                """, as: f[.admin], in: .admin) == "TD041")
        }
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.eligibility_rules (code, target_form_code, required_form_codes, consecutive_years, counted_types,
                                                  valid_from, legal_basis, verification)
            VALUES ('thu', 'chien-si-thi-dua-cap-tinh', '{chien-si-thi-dua-co-so}', 3, '{merit,long_service}', '2026-01-01', 'Thử', 'unverified')
            """, as: f[.admin], in: .admin) == nil)
    }

    @Test("through real signed decisions: a by-movement year never counts toward the merit run, and a revoked decision's year stops counting")
    func realDecisionsCount() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        var decision = try await f.draft([
            DecisionItemDraft(nominationID: nominations[0].id, form: "chien-si-thi-dua-co-so", type: .merit),
            DecisionItemDraft(nominationID: nominations[1].id, form: "chien-si-thi-dua-co-so", type: .byMovement),
        ])
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])
        // 2022 and 2023 as merit titles for both (seeded: the world has one round, of 2021).
        for nomination in nominations {
            try await f.world.superuser { connection in
                try await connection.withTransaction { connection in
                    _ = try await connection.query("SET LOCAL session_replication_role = replica")
                    _ = try await connection.query("""
                        INSERT INTO thidua.commendation_records (area_id, unit_id, nominee_id, nominee_name, decision_item_id, decision_id,
                            year, form_code, type_code, conferred_by, conferred_on, reference)
                        SELECT area_id, unit_id, nominee_id, nominee_name, gen_random_uuid(), gen_random_uuid(), y, form_code, 'merit',
                               conferred_by, make_date(y, 12, 20), reference
                        FROM thidua.commendation_records, generate_series(2022, 2023) y WHERE nominee_id = \(nomination.nomineeID)
                        """)
                }
            }
        }
        let eligibility = EligibilityRepository(store: f.world.store)
        var flags = try await eligibility.flags(asOf: day("2024-12-31"), as: f[.secretary])
        #expect(flags.map(\.nomineeID) == [nominations[0].nomineeID])
        #expect(flags.first?.qualifyingYears == [2021, 2022, 2023])

        var revocation = try await f.decisions.draftRevocation(
            of: decision.id, on: day("2025-03-10"), subject: "Về việc hủy bỏ quyết định khen thưởng",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"], reason: "Hồ sơ không trung thực", by: f[.secretary])
        revocation = try await f.decisions.sign(revocation.id, version: revocation.version, by: f[.chairman])
        flags = try await eligibility.flags(asOf: day("2024-12-31"), as: f[.secretary])
        #expect(flags.isEmpty)
    }

    @Test("drafting a decision warns of a nominee commended in the same year by another decision, as a list, not a refusal")
    func sameYearWarning() async throws {
        let f = try await DecisionFixture.make()
        let first = try await f.approved(["Lò Thị Mai"])[0]
        var decision = try await f.draft([DecisionItemDraft(nominationID: first.id, form: "lao-dong-tien-tien")])
        decision = try await f.decisions.sign(decision.id, version: decision.version, by: f[.chairman])

        // Another achievement of the same person in the same year: a second round of 2021.
        let secondRound = UUID()
        try await f.world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.rounds (id, area_id, code, name, year, level, opens_at, due_at)
                VALUES (\(secondRound), 'test/huyen', 'thu-2021-dot-2', 'Đợt thử thứ hai năm 2021', 2021, 'district',
                        now() - interval '30 days', now() + interval '30 days')
                """)
            _ = try await connection.query("""
                INSERT INTO thidua.round_unit_limits SELECT \(secondRound), unit_kind, minimum, maximum FROM thidua.round_unit_limits
                WHERE round_id = \(f.world.round)
                """)
        }
        var draft = f.world.draft(name: "Lò Thị Mai")
        draft.roundID = secondRound
        draft.nominee = .existing(first.nomineeID)
        var again = try await f.world.nominations.create(draft, by: f[.clerkB])
        try await f.world.completeDossier(of: again.id, by: f[.clerkB])
        again = try await f.world.nominations.perform(.submit, on: again.id, version: again.version, by: f[.headB])
        again = try await f.world.nominations.perform(.endorse, on: again.id, version: again.version, by: f[.leadHead])
        again = try await f.world.nominations.perform(.verify, on: again.id, version: again.version, by: f[.secretary])
        let other = try await f.approved(["Sùng A Páo"])[0]
        let session = try await f.council.council.open(round: secondRound, title: "Phiên họp đợt hai", nominations: [again.id], by: f[.secretary])
        for member in [Person.member, .chairman] {
            _ = try await f.council.council.vote(.approve, on: again.id, in: session.id, version: 0, by: f[member])
        }
        _ = try await f.council.council.close(session.id, version: session.version, by: f[.secretary])

        let second = try await f.draft([
            DecisionItemDraft(nominationID: again.id, form: "giay-khen-chu-tich-huyen"),
            DecisionItemDraft(nominationID: other.id, form: "giay-khen-chu-tich-huyen"),
        ])
        let eligibility = EligibilityRepository(store: f.world.store)
        let warnings = try await eligibility.sameYearCommendations(inDraft: second.id, as: f[.secretary])
        #expect(warnings.count == 1)
        #expect(warnings.first?.nomineeID == first.nomineeID && warnings.first?.year == 2021)
        #expect(warnings.first?.reference == "1/QĐ-UBND" && warnings.first?.decisionID == decision.id && warnings.first?.form == "lao-dong-tien-tien")
        #expect(try await eligibility.sameYearCommendations(inDraft: decision.id, as: f[.secretary]).isEmpty)
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
            try await eligibility.sameYearCommendations(inDraft: second.id, as: f[.clerkB])
        }
        // A warning, not a refusal: the draft signs.
        #expect(try await f.decisions.sign(second.id, version: second.version, by: f[.chairman]).state == .signed)
    }
}
