import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// An administrator resets a user's password (0030 `thidua.reset_password`): with a reason, audited without the
/// hash, the user's sessions ended; never the administrator's own, never by anyone else.
@Suite("PasswordResetTests")
struct PasswordResetTests {
    static let oldPassword = "mật khẩu thử"
    static let newPassword = "Mật khẩu mới 2022"

    func sessions(_ world: RecordsWorld) -> SessionRepository { SessionRepository(store: world.store) }

    @Test("the reset password opens the account, the old one and the old sessions no longer do, and the audit event has the reason and no hash")
    func resetWithReason() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let clerk = world.users[.clerkA]!
        let before = try await sessions(world).signIn(username: "clerka", password: Self.oldPassword, address: nil)
        // Typed with combining marks: stored as NFC, so the precomposed form opens the account.
        try await world.userRepository.resetPassword(of: clerk, to: Self.newPassword.decomposedStringWithCanonicalMapping,
                                                     reason: "  Cán bộ quên mật khẩu, có giấy đề nghị của UBND xã  ", by: admin)
        #expect(try await sessions(world).actor(for: before.token) == nil)
        await #expect(throws: ThiduaError.invalidCredentials) {
            try await sessions(world).signIn(username: "clerka", password: Self.oldPassword, address: nil)
        }
        _ = try await sessions(world).signIn(username: "clerka", password: Self.newPassword, address: nil)

        let events = try await world.audit.history(of: "users", id: clerk.uuidString.lowercased(), as: try await world.actor(.auditor))
        let reset = try #require(events.last)
        #expect(reset.action == "user.reset_password" && reset.actorRole == "admin" && reset.actorID == admin.userID)
        #expect(reset.reason == "Cán bộ quên mật khẩu, có giấy đề nghị của UBND xã")
        #expect(!(reset.after ?? "").contains("password") && !(reset.after ?? "").contains("$2a$"))
    }

    @Test("refused: no reason, a short password, the administrator's own account, anyone but an administrator, an unknown user")
    func refusals() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let clerk = world.users[.clerkA]!
        await #expect(throws: ThiduaError.self) { try await world.userRepository.resetPassword(of: clerk, to: Self.newPassword, reason: " ", by: admin) }
        await #expect(throws: ThiduaError.self) { try await world.userRepository.resetPassword(of: clerk, to: "ngắn", reason: "Quên", by: admin) }
        await #expect(throws: ThiduaError.denied(.ownPasswordReset)) {
            try await world.userRepository.resetPassword(of: admin.userID, to: Self.newPassword, reason: "Quên", by: admin)
        }
        for person in [RecordsWorld.Person.secretary, .headA, .chairman, .auditor] {
            let actor = try await world.actor(person)
            await #expect(throws: ThiduaError.self) {
                try await world.userRepository.resetPassword(of: clerk, to: Self.newPassword, reason: "Quên", by: actor)
            }
        }
        await #expect(throws: ThiduaError.notFound("người dùng / user")) {
            try await world.userRepository.resetPassword(of: UUID(), to: Self.newPassword, reason: "Quên", by: admin)
        }
        _ = try await sessions(world).signIn(username: "clerka", password: Self.oldPassword, address: nil)
    }

    @Test("in raw SQL as the application role: a head cannot reset a password, an administrator not their own")
    func databaseRefusesTheSame() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let head = try await world.actor(.headA)
        let clerk = world.users[.clerkA]!
        await #expect(throws: ThiduaError.denied(.refusedByDatabase)) {
            try await world.store.write(head, Capacity(role: .unitHead), action: "user.reset_password") { connection in
                _ = try await connection.query("SELECT thidua.reset_password(\(clerk), \(Self.newPassword), 'Tự đặt')")
            }
        }
        await #expect(throws: ThiduaError.denied(.refusedByDatabase)) {
            try await world.store.write(admin, Capacity(role: .admin), action: "user.reset_password") { connection in
                _ = try await connection.query("SELECT thidua.reset_password(\(admin.userID), \(Self.newPassword), 'Tự đặt')")
            }
        }
        await #expect(throws: ThiduaError.reasonRequired) {
            try await world.store.write(admin, Capacity(role: .admin), action: "user.reset_password") { connection in
                _ = try await connection.query("SELECT thidua.reset_password(\(clerk), \(Self.newPassword), ' ')")
            }
        }
        _ = try await sessions(world).signIn(username: "clerka", password: Self.oldPassword, address: nil)
    }

    @Test("an administrator resets no password of an account beyond a unit's clerk (it could then act as the chairman); the installer does, audited")
    func privilegedAccountsByTheInstaller() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        for person in [RecordsWorld.Person.headA, .secretary, .member, .chairman, .auditor] {
            await #expect(throws: ThiduaError.denied(.privilegedPasswordReset), "\(person)") {
                try await world.userRepository.resetPassword(of: world.users[person]!, to: Self.newPassword, reason: "Quên", by: admin)
            }
        }
        await #expect(throws: ThiduaError.invalidCredentials) {
            try await sessions(world).signIn(username: "chairman", password: Self.newPassword, address: nil)
        }
        try await world.superuser { connection in
            try await Installer(superuser: connection).resetPassword(username: "chairman", to: Self.newPassword, reason: "Quên mật khẩu, có đơn")
        }
        _ = try await sessions(world).signIn(username: "chairman", password: Self.newPassword, address: nil)
        // The installer's events carry no area (it has no unit), so they are read here as the superuser.
        let reset = try await world.superuser { connection in
            try await connection.query("""
                SELECT action, actor_role, reason FROM thidua.audit_events
                WHERE record_type = 'users' AND record_id = \(world.users[.chairman]!.uuidString.lowercased()) ORDER BY seq DESC LIMIT 1
                """).single()!.decode((String, String, String?).self)
        }
        #expect(reset.0 == "user.reset_password" && reset.1 == "installer" && reset.2 == "Quên mật khẩu, có đơn")
    }
}
