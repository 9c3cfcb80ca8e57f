import Foundation
import Postgres

/// Units and their succession. Records stay under the unit that made them; reports roll them up to the unit
/// in force on a date (after 1/7/2025 the district level is gone and communes merged).
public struct UnitRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// The units of the actor's area, in Vietnamese order; only those existing on `day` when given.
    public func list(existingOn day: String? = nil, as actor: Actor) async throws -> [Unit] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: Unit.columns) FROM thidua.units
                WHERE \(day)::date IS NULL OR (valid_from <= \(day)::date AND (valid_to IS NULL OR valid_to > \(day)::date))
                ORDER BY kind, name COLLATE "vi-VN-x-icu"
                """).map(Unit.init(row:))
        }
    }

    /// Records that `predecessor` became (part of) `successor` on `effectiveOn` (`yyyy-MM-dd`), by `legalBasis`;
    /// a merge or rename also ends the predecessor's validity that day (administrator).
    public func recordSuccession(
        _ kind: SuccessionKind, from predecessor: UUID, to successor: UUID, effectiveOn: String, legalBasis: String, by actor: Actor
    ) async throws {
        let capacity = try Policy.permit(actor, .manageUnits)
        guard let legalBasis = Text.cleaned(legalBasis) else {
            throw ThiduaError.invalid(field: "legalBasis", vietnamese: "Phải nêu căn cứ pháp lý.", english: "The legal basis is required.")
        }
        try await store.write(actor, capacity, action: "unit.succession") { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.unit_successions (kind, predecessor_id, successor_id, effective_on, legal_basis)
                VALUES (\(kind.rawValue), \(predecessor), \(successor), \(effectiveOn)::date, \(legalBasis))
                """)
            if kind == .merge || kind == .rename {
                let ended = try await connection.query("""
                    UPDATE thidua.units SET valid_to = \(effectiveOn)::date, version = version + 1
                    WHERE id = \(predecessor) AND (valid_to IS NULL OR valid_to > \(effectiveOn)::date)
                    """)
                guard ended.affectedRows == 1 else { throw ThiduaError.notFound("đơn vị / unit") }
            }
        }
    }

    /// The unit that carries `unit`'s records on `day`: itself, or its successor through every succession
    /// in force by then.
    public func unitInForce(_ unit: UUID, on day: String, as actor: Actor) async throws -> UUID {
        try await store.read(actor) { connection in
            let rows = try await connection.query("SELECT thidua.unit_in_force(\(unit), \(day)::date)")
            guard let id = try rows.single()?.decode(UUID?.self, at: 0) else { throw ThiduaError.notFound("đơn vị / unit") }
            return id
        }
    }
}
