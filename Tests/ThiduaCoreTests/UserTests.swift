import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Users and role grants: the administrator's, audited, never for themselves.
@Suite("UserTests")
struct UserTests {
    @Test("an administrator creates a user with a bcrypt hash and another grants its role; both are audited, the hash is not")
    func createAndGrant() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let user = try await world.userRepository.create(
            unitID: world.communeB, username: "TaPhin.CanBo2", fullName: "Mùa A Dình", password: "mật khẩu đủ dài", by: admin)
        await #expect(throws: ThiduaError.denied(.ownRecruit)) { try await world.userRepository.grant(.unitClerk, to: user, by: admin) }
        try await world.userRepository.grant(.unitClerk, to: user, by: try await world.secondAdministrator())
        let actor = try await world.actor(userID: user)
        #expect(actor.roles == [.unitClerk] && actor.unitID == world.communeB)
        let (hash, matches) = try await world.superuser { connection in
            try await connection.query("""
                SELECT password_hash, password_hash = crypt('mật khẩu đủ dài', password_hash) FROM thidua.users WHERE username = 'taphin.canbo2'
                """).single()!.decode((String, Bool).self)
        }
        #expect(hash.hasPrefix("$2a$10$") && matches)
        let events = try await world.audit.actions(of: admin.userID, from: Date().addingTimeInterval(-60), to: Date().addingTimeInterval(60),
                                                   as: try await world.actor(.auditor))
        #expect(events.map(\.action) == ["user.create"])
        #expect(events.allSatisfy { !($0.after ?? "").contains("password_hash") && !($0.after ?? "").contains("$2a$") })
    }

    @Test("no one grants themselves a role: not through the policy, not through SQL")
    func noSelfGrant() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        await #expect(throws: ThiduaError.denied(.selfGrant)) { try await world.userRepository.grant(.secretariat, to: admin.userID, by: admin) }
        await #expect(throws: ThiduaError.denied(.roleRequired([.admin]))) {
            try await world.userRepository.grant(.secretariat, to: world.users[.clerkA]!, by: try await world.actor(.secretary))
        }
        let app = try await world.database.connect(user: "thidua_app")
        defer { app.close() }
        do {
            try await app.withTransaction { connection in
                _ = try await connection.query(RecordStore.identification(admin.claim, role: "admin"))
                _ = try await connection.query("""
                    INSERT INTO thidua.role_grants (user_id, role, granted_by) VALUES (\(admin.userID), 'secretariat', \(admin.userID))
                    """)
            }
            Issue.record("an administrator granted themselves a role in SQL")
        } catch let error as PostgresError {
            // Refused by the grant rule, or first by separation of duties (0015): an administrator holds no workflow role.
            #expect(["42501", "23514", "TD051"].contains(error.serverError?.sqlState ?? ""))
        }
    }

    @Test("a disabled user has no roles from the next transaction on")
    func disabledUserLosesEverything() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let draft = try await world.nominations.create(world.draft(), by: clerk)
        try await world.userRepository.setActive(false, user: clerk.userID, reason: "Nghỉ hưu", by: try await world.actor(.admin))
        await #expect(throws: ThiduaError.notFound("người dùng / user")) { try await world.actor(userID: clerk.userID) }
        // An actor loaded before the change is refused by PostgreSQL all the same: its session ended with it.
        await #expect(throws: ThiduaError.sessionEnded) { try await world.nominations.get(draft.id, as: clerk) }
    }

    @Test("the administrator reads a user with their live roles and whether they are active; others may not; an unknown user is not found")
    func account() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let deputy = world.users[.deputyA]!
        try await world.userRepository.grant(.unitHead, to: deputy, by: admin)
        try await world.userRepository.revoke(.unitClerk, from: deputy, reason: "Chuyển việc", by: admin)
        try await world.userRepository.setActive(false, user: deputy, reason: "Nghỉ phép dài", by: admin)
        let account = try await world.userRepository.account(deputy, as: admin)
        #expect(account.id == deputy && account.unitID == world.communeA && account.username == "deputya" && account.fullName == "Vàng Thị Mỷ")
        #expect(account.roles == [.unitHead] && !account.active && account.version == 2)
        #expect(try await world.userRepository.account(world.users[.member]!, as: admin).roles == [.councilMember])
        await #expect(throws: ThiduaError.denied(.roleRequired([.admin]))) {
            try await world.userRepository.account(deputy, as: try await world.actor(.secretary))
        }
        await #expect(throws: ThiduaError.notFound("người dùng / user")) { try await world.userRepository.account(UUID(), as: admin) }
    }

    @Test("separation of duties: no administrator makes another, arms an account it just made or enabled, or holds a workflow role — in the policy and in SQL")
    func administratorsSeparateDuties() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let other = try await world.secondAdministrator()
        // The puppet path found from outside: a new account, given admin, then used to arm the first one.
        let puppet = try await world.userRepository.create(
            unitID: world.council, username: "tro.ly", fullName: "Trợ Lý", password: "mật khẩu đủ dài", by: admin)
        await #expect(throws: ThiduaError.denied(.adminByInstaller)) { try await world.userRepository.grant(.admin, to: puppet, by: admin) }
        await #expect(throws: ThiduaError.denied(.ownRecruit)) { try await world.userRepository.grant(.chairman, to: puppet, by: admin) }
        await #expect(throws: ThiduaError.denied(.adminByInstaller)) {
            try await world.userRepository.revoke(.admin, from: other.userID, reason: "Tranh quyền", by: admin)
        }
        await #expect(throws: ThiduaError.denied(.separateDuties)) {
            try await world.userRepository.grant(.chairman, to: other.userID, by: admin)
        }
        // Re-enabled by this administrator today: the same rule as a new account.
        let clerk = world.users[.clerkB]!
        try await world.userRepository.setActive(false, user: clerk, reason: "Nghỉ phép", by: other)
        try await world.userRepository.setActive(true, user: clerk, reason: "Đi làm lại", by: admin)
        await #expect(throws: ThiduaError.denied(.ownRecruit)) { try await world.userRepository.grant(.unitHead, to: clerk, by: admin) }
        try await world.userRepository.grant(.unitHead, to: clerk, by: other)

        // The same through the application role in plain SQL, past the Swift policy.
        let app = try await world.database.connect(user: "thidua_app")
        defer { app.close() }
        for (role, user, code) in [("admin", puppet, "TD050"), ("chairman", puppet, "TD052"), ("secretariat", other.userID, "TD051")] {
            do {
                try await app.withTransaction { connection in
                    _ = try await connection.query(RecordStore.identification(admin.claim, role: "admin"))
                    _ = try await connection.query("INSERT INTO thidua.role_grants (user_id, role, granted_by) VALUES (\(user), \(role), \(admin.userID))")
                }
                Issue.record("granted \(role) in SQL")
            } catch let error as PostgresError {
                #expect(error.serverError?.sqlState == code, "\(role): \(error)")
            }
        }
        #expect(try await world.userRepository.account(puppet, as: other).roles.isEmpty)
    }

    @Test("the application role cannot replace a password hash: it changes only through change_password, which is audited")
    func passwordHashOutOfReach() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let app = try await world.database.connect(user: "thidua_app")
        defer { app.close() }
        do {
            try await app.withTransaction { connection in
                _ = try await connection.query(RecordStore.identification(admin.claim, role: "admin"))
                _ = try await connection.query("""
                    UPDATE thidua.users SET password_hash = crypt('mật khẩu của kẻ gian', gen_salt('bf', 4)) WHERE username = 'chairman'
                    """)
            }
            Issue.record("the application role replaced the chairman's password hash")
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "42501", "\(error)")
        }
        let unchanged = try await world.superuser { connection in
            try await connection.query("""
                SELECT password_hash = crypt('mật khẩu thử', password_hash) FROM thidua.users WHERE username = 'chairman'
                """).single()!.decode(Bool.self, at: 0)
        }
        #expect(unchanged)
    }
}
