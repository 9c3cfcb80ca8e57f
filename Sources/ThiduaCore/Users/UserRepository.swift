import Foundation
import Postgres

/// Users, their role grants and delegations; and the ``Actor`` every other repository call needs.
public struct UserRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Creates a user of `unitID` (administrator). The password is hashed by PostgreSQL with bcrypt.
    public func create(
        unitID: UUID, username: String, fullName: String, password: String, by actor: Actor
    ) async throws -> UUID {
        let capacity = try Policy.permit(actor, .manageUsers)
        let account = try NewAccount(username: username, fullName: fullName, password: password)
        return try await store.write(actor, capacity, action: "user.create") { connection in
            try await account.insert(into: unitID, on: connection)
        }
    }

    /// One user of the area with their live roles (administrator). A user of another area is not found.
    public func account(_ user: UUID, as actor: Actor) async throws -> UserAccount {
        _ = try Policy.permit(actor, .manageUsers)
        return try await store.read(actor) { connection in
            guard let row = try await connection.query("""
                SELECT u.id, u.unit_id, u.username, u.full_name, u.active, u.version,
                       ARRAY(SELECT g.role FROM thidua.role_grants g WHERE g.user_id = u.id AND g.revoked_at IS NULL ORDER BY g.role) AS roles
                FROM thidua.users u WHERE u.id = \(user)
                """).single() else { throw ThiduaError.notFound("người dùng / user") }
            return try UserAccount(row: row)
        }
    }

    /// Grants `role` to `user` (administrator; never to themselves).
    public func grant(_ role: Role, to user: UUID, by actor: Actor) async throws {
        let capacity = try Policy.permit(actor, .changeRoles(of: user, role: role))
        try await store.write(actor, capacity, action: "role.grant") { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.role_grants (user_id, role, granted_by) VALUES (\(user), \(role.rawValue), \(actor.userID))
                """)
        }
    }

    /// Revokes `role` from `user` (administrator; never their own).
    public func revoke(_ role: Role, from user: UUID, reason: String, by actor: Actor) async throws {
        let capacity = try Policy.permit(actor, .changeRoles(of: user, role: role))
        try await store.write(actor, capacity, action: "role.revoke", reason: reason) { connection in
            let rows = try await connection.query("""
                UPDATE thidua.role_grants SET revoked_at = now()
                WHERE user_id = \(user) AND role = \(role.rawValue) AND revoked_at IS NULL
                """)
            guard rows.affectedRows == 1 else { throw ThiduaError.notFound("vai trò / role grant") }
        }
    }

    /// Enables or disables a user (administrator). A disabled user has no roles and sees nothing from their
    /// next transaction on.
    public func setActive(_ active: Bool, user: UUID, reason: String, by actor: Actor) async throws {
        let capacity = try Policy.permit(actor, .changeRoles(of: user))
        try await store.write(actor, capacity, action: active ? "user.enable" : "user.disable", reason: reason) { connection in
            let rows = try await connection.query("UPDATE thidua.users SET active = \(active), version = version + 1 WHERE id = \(user)")
            guard rows.affectedRows == 1 else { throw ThiduaError.notFound("người dùng / user") }
        }
    }

    /// Lends the actor's `role` to a colleague of the same unit until `until` (ký thay, thừa lệnh).
    public func delegate(
        _ role: Role, to delegate: UUID, style: DelegationStyle, from start: Date = Date(), until end: Date,
        basis: String, by actor: Actor
    ) async throws -> UUID {
        let capacity = try Policy.permit(actor, .delegate(role))
        guard let basis = Text.cleaned(basis) else {
            throw ThiduaError.invalid(field: "basis", vietnamese: "Phải nêu căn cứ ủy quyền.", english: "A delegation needs its basis.")
        }
        guard end > start else {
            throw ThiduaError.invalid(field: "until", vietnamese: "Thời hạn ủy quyền phải sau ngày bắt đầu.",
                                      english: "A delegation must end after it starts.")
        }
        return try await store.write(actor, capacity, action: "delegation.create") { connection in
            let rows = try await connection.query("""
                INSERT INTO thidua.delegations (delegator_id, delegate_id, role, style, valid_from, valid_to, basis)
                VALUES (\(actor.userID), \(delegate), \(role.rawValue), \(style.rawValue), \(start), \(end), \(basis))
                RETURNING id
                """)
            return try rows.single()!.decode(UUID.self, at: 0)
        }
    }
}

/// How a delegate signs: ký thay (KT.) for a deputy, thừa lệnh (TL.) for a subordinate by order.
public enum DelegationStyle: String, Sendable, Hashable, CaseIterable, Codable {
    case onBehalf = "KT"
    case byOrder = "TL"
}
