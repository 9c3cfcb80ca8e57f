import Foundation
import Postgres

extension UserRepository {
    /// Every user of the area with their unit and live grants, by unit then name (administrator).
    public func accounts(as actor: Actor) async throws -> [StaffAccount] {
        _ = try Policy.permit(actor, .manageUsers)
        return try await store.read(actor) { connection in
            try await connection.query("""
                \(sql: StaffAccount.select) ORDER BY n.name COLLATE "vi-VN-x-icu", u.full_name COLLATE "vi-VN-x-icu", u.username
                """).map(StaffAccount.init(row:))
        }
    }

    /// One user of the area as the administrator's page shows them; another area's is not found.
    public func staffAccount(_ user: UUID, as actor: Actor) async throws -> StaffAccount {
        _ = try Policy.permit(actor, .manageUsers)
        return try await store.read(actor) { connection in
            guard let row = try await connection.query("\(sql: StaffAccount.select) WHERE u.id = \(user)").single() else {
                throw ThiduaError.notFound("người dùng / user")
            }
            return try StaffAccount(row: row)
        }
    }

    /// Replaces `user`'s password with one the administrator chose, for `reason` (a forgotten password, a
    /// handover), through `thidua.reset_password` (0030): audited with the reason and never the hash, and every
    /// session of the account ends. Never the administrator's own account: they change theirs with the old one.
    public func resetPassword(of user: UUID, to password: String, reason: String, by actor: Actor) async throws {
        let capacity = try Policy.permit(actor, .resetPassword(of: user))
        guard let reason = Text.cleaned(reason) else {
            throw ThiduaError.invalid(field: "reason", vietnamese: "Phải nêu lý do đặt lại mật khẩu.", english: "A password reset needs a reason.")
        }
        let password = Text.normalized(password)
        guard password.count >= 10 else {
            throw ThiduaError.invalid(field: "password", vietnamese: "Mật khẩu phải có ít nhất 10 ký tự.",
                                      english: "A password has at least 10 characters.")
        }
        try await store.write(actor, capacity, action: "user.reset_password", reason: reason) { connection in
            // Named before the call, which refuses an account it cannot see as if the caller were not allowed.
            guard try await connection.query("SELECT FROM thidua.users WHERE id = \(user)").single() != nil else {
                throw ThiduaError.notFound("người dùng / user")
            }
            _ = try await connection.query("SELECT thidua.reset_password(\(user), \(password), \(reason))")
        }
    }

    /// The delegations `user` gave or received, newest first (administrator: 0030 lets it read them).
    public func delegations(involving user: UUID, as actor: Actor) async throws -> [Delegation] {
        _ = try Policy.permit(actor, .manageUsers)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT d.id, d.delegator_id, a.full_name AS delegator_name, d.delegate_id, b.full_name AS delegate_name, d.role, d.style,
                       d.valid_from, d.valid_to, d.basis, d.revoked_at
                FROM thidua.delegations d JOIN thidua.users a ON a.id = d.delegator_id JOIN thidua.users b ON b.id = d.delegate_id
                WHERE \(user) IN (d.delegator_id, d.delegate_id)
                ORDER BY d.valid_from DESC, d.id
                """).map(Delegation.init(row:))
        }
    }
}
