import Foundation
import Postgres

/// The legal rules as data (LAW.md; tables of migration 0010): the catalogue of forms, who may confer them and
/// when, the reward coefficients and the base salary in force on a date. Reads only; the rows carry their legal
/// basis and how far they are verified, and change by an administrator's new row, never in code.
///
/// ```swift
/// let rules = LegalRules(store: store)
/// try await rules.route("tap-the-lao-dong-xuat-sac", from: .districtChairman, on: day("2024-12-20"), as: secretary)
/// // .propose(to: .provinceChairman)
/// try await rules.baseSalary(on: day("2024-03-15"), as: secretary)?.amount   // 1_800_000
/// ```
public struct LegalRules: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    public func forms(as actor: Actor) async throws -> [CommendationForm] {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            try await connection.query("SELECT \(sql: CommendationForm.columns) FROM thidua.commendation_forms ORDER BY code")
                .map(CommendationForm.init(row:))
        }
    }

    /// Every rule, in force or not: forms by code, types, the authority table by level, form and date,
    /// coefficients by form, kind and date, base salaries by date.
    public func book(as actor: Actor) async throws -> LegalRuleBook {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            LegalRuleBook(
                forms: try await connection.query("SELECT \(sql: CommendationForm.columns) FROM thidua.commendation_forms ORDER BY code")
                    .map(CommendationForm.init(row:)),
                commendationTypes: try await connection.query("""
                    SELECT \(sql: CommendationTypeRule.columns) FROM thidua.commendation_types ORDER BY counts_toward_higher DESC, code
                    """).map(CommendationTypeRule.init(row:)),
                authorities: try await connection.query("""
                    SELECT \(sql: ConferringAuthority.columns) FROM thidua.conferring_authorities ORDER BY level, form_code, valid_from
                    """).map(ConferringAuthority.init(row:)),
                rewardCoefficients: try await connection.query("""
                    SELECT \(sql: RewardCoefficient.columns) FROM thidua.reward_coefficients ORDER BY form_code, nominee_kind, valid_from
                    """).map(RewardCoefficient.init(row:)),
                baseSalaries: try await connection.query("SELECT \(sql: BaseSalary.columns) FROM thidua.base_salaries ORDER BY valid_from")
                    .map(BaseSalary.init(row:)))
        }
    }

    /// Whether `level` may confer `form` on `day` (Law art. 80 as the authority table has it).
    public func mayConfer(_ level: AuthorityLevel, _ form: String, on day: Date, as actor: Actor) async throws -> Bool {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            try await Self.mayConfer(level, form, on: day, connection: connection)
        }
    }

    /// What a body of `level` does with `form` on `day`: confer it, or propose it to the lowest level above
    /// that may.
    public func route(_ form: String, from level: AuthorityLevel, on day: Date, as actor: Actor) async throws -> ConferralRoute {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            try await Self.route(form, from: level, on: day, connection: connection)
        }
    }

    /// What a commendation decision dated `day` cites, one basis a line without "Căn cứ": the law and decrees in
    /// force that day, then each plan the decision carries out.
    public func decisionBases(on day: Date, plans: [String], as actor: Actor) async throws -> [String] {
        try Policy.permit(actor, .view)
        let law = try await store.read(actor) { connection in
            try await connection.query("SELECT citation FROM thidua.legal_bases_on(\(day)::date)").map { try $0.decode(String.self, at: 0) }
        }
        return law + plans.uniqued()
    }

    /// The base salary in force on `day`, if one is recorded.
    public func baseSalary(on day: Date, as actor: Actor) async throws -> BaseSalary? {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: BaseSalary.columns) FROM thidua.base_salary_on(\(day)::date) WHERE amount IS NOT NULL
                """).single().map(BaseSalary.init(row:))
        }
    }

    /// The reward for `form` conferred on a nominee of `kind` on `day`: `nil` when the form carries no
    /// coefficient for that kind; ``ThiduaError/noBaseSalary`` when no base salary is in force that day.
    public func reward(_ form: String, for kind: NomineeKind, on day: Date, as actor: Actor) async throws -> Reward? {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            let rows = try await connection.query("""
                SELECT c.coefficient, s.amount AS base_salary, round(c.coefficient * s.amount)::bigint AS amount
                FROM thidua.reward_coefficient_on(\(form), \(kind.rawValue), \(day)::date) c
                LEFT JOIN thidua.base_salary_on(\(day)::date) s ON s.amount IS NOT NULL
                WHERE c.coefficient IS NOT NULL
                """)
            guard let row = try rows.single() else { return nil }
            guard let base = try row.decode(Int64?.self, column: "base_salary") else { throw ThiduaError.noBaseSalary }
            return Reward(coefficient: try row.decode(column: "coefficient"), baseSalary: base, amount: try row.decode(column: "amount"))
        }
    }

    static func mayConfer(_ level: AuthorityLevel, _ form: String, on day: Date, connection: PostgresConnection) async throws -> Bool {
        try await connection.query("SELECT thidua.may_confer(\(level.rawValue), \(form), \(day)::date)").single()!.decode(Bool.self, at: 0)
    }

    static func route(_ form: String, from level: AuthorityLevel, on day: Date, connection: PostgresConnection) async throws -> ConferralRoute {
        if try await mayConfer(level, form, on: day, connection: connection) { return .confer }
        for higher in level.higher where try await mayConfer(higher, form, on: day, connection: connection) {
            return .propose(to: higher)
        }
        return .nobody
    }
}

extension AuthorityLevel {
    /// The levels above this one, nearest first.
    var higher: [AuthorityLevel] {
        switch self {
        case .communeChairman: [.districtChairman, .provinceChairman]
        case .districtChairman: [.provinceChairman]
        case .provinceChairman: []
        }
    }
}
