import Foundation
import Postgres

/// Who is due a higher title by consecutive years of lower ones, and who is commended twice in one year —
/// computed in PostgreSQL (`thidua.eligibility`, migration 0011) from the commendation records the actor may
/// read, by the rules in force on the day asked.
///
/// ```swift
/// let eligibility = EligibilityRepository(store: store)
/// let flags = try await eligibility.flags(asOf: day("2024-03-01"), as: secretary)   // the whole area
/// flags.first?.qualifyingYears                                                     // [2021, 2022, 2023]
/// let warnings = try await eligibility.sameYearCommendations(inDraft: decision.id, as: secretary)
/// ```
public struct EligibilityRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// The consecutive-year rules, in force or not, newest first within a code.
    public func rules(as actor: Actor) async throws -> [EligibilityRule] {
        try Policy.permit(actor, .viewHistory)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: EligibilityRule.columns) FROM thidua.eligibility_rules ORDER BY code, valid_from DESC
                """).map(EligibilityRule.init(row:))
        }
    }

    /// The flags on `day` for one nominee, or for every nominee of the area whose commendations the actor reads.
    /// Revoked records never count; nor do awards of a type that does not count toward higher ones.
    public func flags(asOf day: Date, nominee nomineeID: UUID? = nil, as actor: Actor) async throws -> [EligibilityFlag] {
        try Policy.permit(actor, .viewHistory)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: EligibilityFlag.columns) FROM thidua.eligibility(\(day)::date, \(nomineeID))
                ORDER BY nominee_name COLLATE "vi-VN-x-icu", rule_code, nominee_id
                """).map(EligibilityFlag.init(row:))
        }
    }

    /// For each live item of a decision being drafted, the nominee's standing commendations of the item's year
    /// from other decisions. The secretariat's, while it prepares the draft.
    public func sameYearCommendations(inDraft decisionID: UUID, as actor: Actor) async throws -> [SameYearCommendation] {
        try Policy.permit(actor, DecisionAction.prepare)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT i.id AS item_id, i.nominee_id, i.nominee_name, r.year, c.id AS record_id, c.decision_id, c.reference,
                       c.form_code, c.type_code
                FROM thidua.decision_items i
                JOIN thidua.rounds r ON r.id = i.round_id
                JOIN thidua.commendation_records c
                  ON c.nominee_id = i.nominee_id AND c.year = r.year AND c.decision_id <> i.decision_id AND c.revoked_at IS NULL
                WHERE i.decision_id = \(decisionID) AND i.removed_at IS NULL
                ORDER BY i.added_at, i.id, c.conferred_on, c.id
                """).map(SameYearCommendation.init(row:))
        }
    }
}
