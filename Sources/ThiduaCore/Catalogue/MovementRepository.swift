import Foundation
import Postgres

/// The movements of the actor's area with their checklists, figures and lead units.
public struct MovementRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    public func list(as actor: Actor) async throws -> [Movement] {
        try await store.read(actor) { connection in
            try await connection.query("SELECT \(sql: Movement.columns) FROM thidua.movements ORDER BY code")
                .map(Movement.init(row:))
        }
    }

    public func get(_ id: UUID, as actor: Actor) async throws -> Movement {
        try await store.read(actor) { connection in
            let rows = try await connection.query("SELECT \(sql: Movement.columns) FROM thidua.movements WHERE id = \(id)")
            guard let row = try rows.single() else { throw ThiduaError.notFound("phong trào / movement") }
            return try Movement(row: row)
        }
    }

    /// The movement with every unit taking part in it (leads first) and each round's minimums for it, newest
    /// round first: what `GET /api/v1/movements/{id}` and `thidua movements show` give.
    public func details(_ id: UUID, as actor: Actor) async throws -> MovementDetails {
        let movement = try await get(id, as: actor)
        return try await store.read(actor) { connection in
            let units = try await connection.query("""
                SELECT l.unit_id, u.code, u.name, l.part
                FROM thidua.movement_lead_units l JOIN thidua.units u ON u.id = l.unit_id
                WHERE l.movement_id = \(id)
                ORDER BY l.part = 'lead' DESC, u.name COLLATE "vi-VN-x-icu", u.id
                """).map(MovementDetails.UnitPart.init(row:))
            let minimums = try await connection.query("""
                SELECT m.round_id, r.code, m.nominee_kind, m.minimum, m.maximum, m.per_lead_unit
                FROM thidua.round_movement_minimums m JOIN thidua.rounds r ON r.id = m.round_id
                WHERE m.movement_id = \(id)
                ORDER BY r.year DESC, r.code, m.nominee_kind
                """).map(MovementDetails.Minimum.init(row:))
            return MovementDetails(movement: movement, units: units, minimums: minimums)
        }
    }

    /// The units leading (đơn vị chủ trì) `movement`; partners (phối hợp) are not included.
    public func leadUnits(of movement: UUID, as actor: Actor) async throws -> [UUID] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT unit_id FROM thidua.movement_lead_units WHERE movement_id = \(movement) AND part = 'lead' ORDER BY unit_id
                """).map { try $0.decode(UUID.self, at: 0) }
        }
    }

    /// The names of each movement's lead units (chủ trì), in Vietnamese order: what a page lists beside a movement.
    public func leadUnitNames(as actor: Actor) async throws -> [UUID: [String]] {
        try await store.read(actor) { connection in
            var names: [UUID: [String]] = [:]
            for row in try await connection.query("""
                SELECT l.movement_id, u.name FROM thidua.movement_lead_units l JOIN thidua.units u ON u.id = l.unit_id
                WHERE l.part = 'lead' ORDER BY u.name COLLATE "vi-VN-x-icu"
                """) {
                names[try row.decode(UUID.self, at: 0), default: []].append(try row.decode(String.self, at: 1))
            }
            return names
        }
    }
}
