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

    /// The units leading (đơn vị chủ trì) `movement`; partners (phối hợp) are not included.
    public func leadUnits(of movement: UUID, as actor: Actor) async throws -> [UUID] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT unit_id FROM thidua.movement_lead_units WHERE movement_id = \(movement) AND part = 'lead' ORDER BY unit_id
                """).map { try $0.decode(UUID.self, at: 0) }
        }
    }
}
