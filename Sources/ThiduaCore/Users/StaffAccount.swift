import Foundation
import Postgres

/// A user as the administrator's list shows them: who, of which unit, whether the account is active, and each
/// live role grant with the day it was granted (revoked ones are in the audit trail).
public struct StaffAccount: Sendable, Hashable, Identifiable {
    /// A live grant of a role in person.
    public struct Grant: Sendable, Hashable {
        public var role: Role
        public var grantedAt: Date
    }

    public var id: UUID
    public var username: String
    public var fullName: String
    public var unitID: UUID
    public var unitName: String
    public var active: Bool
    public var createdAt: Date
    public var grants: [Grant]
    public var version: Int

    static let select: StaticString = """
        SELECT u.id, u.username, u.full_name, u.unit_id, n.name AS unit_name, u.active, u.created_at, u.version,
               ARRAY(SELECT g.role FROM thidua.role_grants g WHERE g.user_id = u.id AND g.revoked_at IS NULL ORDER BY g.granted_at, g.role) AS roles,
               ARRAY(SELECT g.granted_at FROM thidua.role_grants g WHERE g.user_id = u.id AND g.revoked_at IS NULL ORDER BY g.granted_at, g.role) AS granted
        FROM thidua.users u JOIN thidua.units n ON n.id = u.unit_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        username = try row.decode(column: "username")
        fullName = try row.decode(column: "full_name")
        unitID = try row.decode(column: "unit_id")
        unitName = try row.decode(column: "unit_name")
        active = try row.decode(column: "active")
        createdAt = try row.decode(column: "created_at")
        version = try row.decode(column: "version")
        let roles = try row.decode([String].self, column: "roles")
        let granted = try row.decode([Date].self, column: "granted")
        grants = zip(roles, granted).compactMap { raw, day in Role(rawValue: raw).map { Grant(role: $0, grantedAt: day) } }
    }
}
