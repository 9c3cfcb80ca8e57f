import Foundation
import Postgres

extension UserRepository {
    /// The names of `ids` with their units, for pages and reports that say who did what. Unknown ids are left out.
    public func names(of ids: Set<UUID>, as actor: Actor) async throws -> [UUID: PersonName] {
        guard !ids.isEmpty else { return [:] }
        return try await store.read(actor) { connection in
            var names: [UUID: PersonName] = [:]
            for row in try await connection.query("""
                SELECT p.id, p.full_name, u.name AS unit_name
                FROM thidua.users p JOIN thidua.units u ON u.id = p.unit_id
                WHERE p.id = ANY (\(Array(ids)))
                """) {
                names[try row.decode(column: "id")] = PersonName(
                    fullName: try row.decode(column: "full_name"), unitName: try row.decode(column: "unit_name"))
            }
            return names
        }
    }
}

extension UserRepository {
    /// The area's staff directory by username: how the command line finds `sinchai.canbo`.
    public func directory(as actor: Actor) async throws -> [StaffMember] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT id, unit_id, username, full_name, active FROM thidua.users ORDER BY username
                """).map(StaffMember.init(row:))
        }
    }
}

extension UserRepository {
    /// The signed-in user's name, unit and area, in one round trip.
    public func profile(of actor: Actor) async throws -> SignedInProfile {
        try await store.read(actor) { connection in
            let rows = try await connection.query("""
                SELECT p.full_name, u.name AS unit_name, a.name AS area_name
                FROM thidua.users p JOIN thidua.units u ON u.id = p.unit_id JOIN thidua.areas a ON a.id = u.area_id
                WHERE p.id = \(actor.userID)
                """)
            guard let row = try rows.single() else { throw ThiduaError.notFound("người dùng / user") }
            return SignedInProfile(
                fullName: try row.decode(column: "full_name"), unitName: try row.decode(column: "unit_name"), areaName: try row.decode(column: "area_name"))
        }
    }
}
