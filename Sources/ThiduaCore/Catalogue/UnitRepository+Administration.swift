import Foundation
import Postgres

extension UnitRepository {
    /// Creates a unit of the actor's area existing from `validFrom` (`yyyy-MM-dd`): the commune a merger makes,
    /// a new department (administrator; audited as `unit.create`).
    public func create(code: String, name: String, kind: UnitKind, validFrom: String, by actor: Actor) async throws -> UUID {
        let capacity = try Policy.permit(actor, .manageUnits)
        let code = code.trimmingCharacters(in: .whitespaces).lowercased()
        guard code.wholeMatch(of: /[a-z0-9-]{2,64}/) != nil else {
            throw ThiduaError.invalid(field: "code", vietnamese: "Mã đơn vị gồm 2–64 ký tự a–z, 0–9 và dấu gạch.",
                                      english: "A unit code is 2–64 characters of a–z, 0–9 and '-'.")
        }
        guard let name = Text.cleaned(name) else {
            throw ThiduaError.invalid(field: "name", vietnamese: "Phải có tên đơn vị.", english: "The unit's name is required.")
        }
        return try await store.write(actor, capacity, action: "unit.create") { connection in
            try await connection.query("""
                INSERT INTO thidua.units (area_id, code, name, kind, valid_from)
                VALUES (\(actor.areaID), \(code), \(name), \(kind.rawValue), \(validFrom)::date)
                RETURNING id
                """).single()!.decode(UUID.self, at: 0)
        }
    }

    /// Every succession among the area's units, newest first.
    public func successions(as actor: Actor) async throws -> [UnitSuccession] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT id, kind, predecessor_id, successor_id, effective_on::text AS effective_on, legal_basis
                FROM thidua.unit_successions ORDER BY effective_on DESC, id
                """).map(UnitSuccession.init(row:))
        }
    }
}
