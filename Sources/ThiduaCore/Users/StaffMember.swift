import Foundation
import Postgres

/// A user as the area's staff directory lists them (readable by all its users, as names on records are): who,
/// by which username, of which unit. Roles are not in it; an administrator reads them per user.
public struct StaffMember: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var unitID: UUID
    public var username: String
    public var fullName: String
    public var active: Bool

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        unitID = try row.decode(column: "unit_id")
        username = try row.decode(column: "username")
        fullName = try row.decode(column: "full_name")
        active = try row.decode(column: "active")
    }
}
