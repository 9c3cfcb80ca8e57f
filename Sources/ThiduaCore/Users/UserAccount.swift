import Foundation
import Postgres

/// A user as an administrator manages them: who, of which unit, whether the account is active, and the roles
/// held in person now (delegations lent to them are not roles of their own).
public struct UserAccount: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var unitID: UUID
    public var username: String
    public var fullName: String
    public var active: Bool
    /// The live grants, by name.
    public var roles: [Role]
    public var version: Int

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        unitID = try row.decode(column: "unit_id")
        username = try row.decode(column: "username")
        fullName = try row.decode(column: "full_name")
        active = try row.decode(column: "active")
        roles = try row.decode([String].self, column: "roles").map { raw in
            guard let role = Role(rawValue: raw) else {
                throw PostgresError.decoding(column: "roles", swiftType: "Role", postgresType: .text, reason: .malformed("unknown role “\(raw)”"))
            }
            return role
        }
        version = try row.decode(column: "version")
    }
}
