import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Sign-in, sessions, throttling and password changes, against the real functions of 0008 and 0019.
@Suite("SessionTests")
struct SessionTests {
    static let password = "mật khẩu thử"

    func sessions(_ world: RecordsWorld) -> SessionRepository { SessionRepository(store: world.store) }

    @Test("a correct password gives a 256-bit token that the database keeps only hashed")
    func signInKeepsOnlyTheHash() async throws {
        let world = try await RecordsWorld.make()
        let session = try await sessions(world).signIn(username: "ClerkA", password: Self.password, address: "203.0.113.7")
        #expect(session.userID == world.users[.clerkA] && session.token.text.count == 43)
        #expect(try await sessions(world).actor(for: session.token)?.userID == world.users[.clerkA])
        let (stored, plain) = try await world.superuser { connection in
            try await connection.query("""
                SELECT count(*) FILTER (WHERE token_hash = sha256(convert_to(\(session.token.text), 'UTF8'))),
                       (SELECT count(*) FROM thidua.audit_events WHERE after::text LIKE '%' || \(session.token.text) || '%')
                FROM thidua.sessions
                """).single()!.decode((Int, Int).self)
        }
        #expect(stored == 1 && plain == 0)
    }

    @Test("a wrong password, an unknown user and a disabled account get the same answer")
    func oneAnswerForEveryFailure() async throws {
        let world = try await RecordsWorld.make()
        await #expect(throws: ThiduaError.invalidCredentials) { try await sessions(world).signIn(username: "clerka", password: "sai", address: nil) }
        await #expect(throws: ThiduaError.invalidCredentials) { try await sessions(world).signIn(username: "khong-co", password: Self.password, address: nil) }
        try await world.userRepository.setActive(false, user: world.users[.clerkB]!, reason: "Chuyển công tác", by: try await world.actor(.admin))
        await #expect(throws: ThiduaError.invalidCredentials) { try await sessions(world).signIn(username: "clerkb", password: Self.password, address: nil) }
    }

    @Test("five failures for a username from one address make that pair wait, refused tries recording nothing; other addresses and users are free")
    func throttlingPerPair() async throws {
        let world = try await RecordsWorld.make()
        for _ in 1...5 {
            await #expect(throws: ThiduaError.invalidCredentials) { try await sessions(world).signIn(username: "heada", password: "sai", address: "198.51.100.9") }
        }
        await #expect(throws: ThiduaError.throttled(retryAfter: 1)) {
            try await sessions(world).signIn(username: "heada", password: Self.password, address: "198.51.100.9")
        }
        // The same account from elsewhere (or from a local command), and another account from there, are not slowed.
        _ = try await sessions(world).signIn(username: "heada", password: Self.password, address: "198.51.100.10")
        _ = try await sessions(world).signIn(username: "heada", password: Self.password, address: nil)
        _ = try await sessions(world).signIn(username: "clerka", password: Self.password, address: "198.51.100.9")
        let recorded = try await world.superuser { connection in
            try await connection.query("SELECT count(*)::int FROM thidua.sign_in_attempts WHERE username = 'heada' AND NOT succeeded")
                .single()!.decode(Int.self, at: 0)
        }
        #expect(recorded == 5)
        // The second passes: the failures age past it (rather than a sleep, which a loaded machine outruns).
        try await world.superuser { _ = try await $0.query("UPDATE thidua.sign_in_attempts SET attempted_at = attempted_at - interval '1.1 seconds'") }
        _ = try await sessions(world).signIn(username: "heada", password: Self.password, address: "198.51.100.9")
    }

    @Test("tries of one pair at once are taken one after another: parallel guesses get no more than the free ones")
    func parallelTriesAreSerialised() async throws {
        let world = try await RecordsWorld.make()
        // A long first delay, so no wait can run out while the tries queue on a loaded machine.
        try await world.asInstaller { _ = try await $0.query("UPDATE thidua.sign_in_rules SET first_delay = '1 minute'") }
        let repository = sessions(world)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 1...12 {
                group.addTask {
                    do {
                        _ = try await repository.signIn(username: "heada", password: "sai", address: "198.51.100.9")
                        return "signed in"
                    } catch let error as ThiduaError {
                        return error.code
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes == ["invalid_credentials": 5, "throttled": 7], "\(outcomes)")
    }

    @Test("twenty failures from one address make every username wait there, until they are older than the window")
    func throttlingPerAddress() async throws {
        let world = try await RecordsWorld.make()
        // A first delay of a minute: with the shipped second, the wait after the twentieth failure can run out
        // before the next try on a loaded machine.
        try await world.asInstaller {
            _ = try await $0.query("UPDATE thidua.sign_in_rules SET window_length = '10 minutes', first_delay = '1 minute', longest_delay = '1 hour'")
        }
        for index in 1...20 {
            await #expect(throws: ThiduaError.invalidCredentials) {
                try await sessions(world).signIn(username: "doan\(index)", password: "sai", address: "198.51.100.9")
            }
        }
        await #expect {
            try await sessions(world).signIn(username: "clerka", password: Self.password, address: "198.51.100.9")
        } throws: { error in
            guard case .throttled(let seconds) = error as? ThiduaError else { return false }
            return (50...60).contains(seconds)
        }
        _ = try await sessions(world).signIn(username: "clerka", password: Self.password, address: "198.51.100.10")
        // Older than the window, an address's failures are forgotten: its first failure afterwards is free again.
        try await world.superuser { _ = try await $0.query("UPDATE thidua.sign_in_attempts SET attempted_at = attempted_at - interval '11 minutes'") }
        await #expect(throws: ThiduaError.invalidCredentials) {
            try await sessions(world).signIn(username: "doan21", password: "sai", address: "198.51.100.9")
        }
        _ = try await sessions(world).signIn(username: "clerkb", password: Self.password, address: "198.51.100.9")
    }

    @Test("a session ends with sign-out, with expiry, and at once when the user is disabled")
    func sessionsEnd() async throws {
        let world = try await RecordsWorld.make()
        let repository = sessions(world)
        let first = try await repository.signIn(username: "clerka", password: Self.password, address: nil)
        try await repository.signOut(first.token)
        #expect(try await repository.actor(for: first.token)?.userID == nil)

        let second = try await repository.signIn(username: "clerka", password: Self.password, address: nil)
        try await world.superuser { _ = try await $0.query("UPDATE thidua.sessions SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = \(second.sessionID)") }
        #expect(try await repository.actor(for: second.token)?.userID == nil)

        let third = try await repository.signIn(username: "clerka", password: Self.password, address: nil)
        #expect(try await repository.actor(for: third.token)?.userID == world.users[.clerkA])
        try await world.userRepository.setActive(false, user: world.users[.clerkA]!, reason: "Tạm khóa", by: try await world.actor(.admin))
        #expect(try await repository.actor(for: third.token)?.userID == nil)
        #expect(SessionToken(text: "không phải mã") == nil)
    }

    @Test("changing a password needs the old one, ends the other sessions and keeps this one")
    func changePassword() async throws {
        let world = try await RecordsWorld.make()
        let repository = sessions(world)
        let here = try await repository.signIn(username: "clerka", password: Self.password, address: nil)
        let elsewhere = try await repository.signIn(username: "clerka", password: Self.password, address: nil)
        let clerk = try await world.actor(.clerkA)
        await #expect(throws: ThiduaError.invalidCredentials) {
            try await repository.changePassword(from: "sai", to: "mật khẩu mới dài hơn", keeping: here.token, address: nil, by: clerk)
        }
        try await repository.changePassword(from: Self.password, to: "mật khẩu mới dài hơn", keeping: here.token, address: nil, by: clerk)
        #expect(try await repository.actor(for: here.token)?.userID == clerk.userID)
        #expect(try await repository.actor(for: elsewhere.token)?.userID == nil)
        _ = try await repository.signIn(username: "clerka", password: "mật khẩu mới dài hơn", address: nil)
        let events = try await world.audit.history(of: "users", id: clerk.userID.uuidString.lowercased(), as: try await world.actor(.auditor))
        #expect(events.last?.action == "user.change_password" && !(events.last?.before ?? "").contains("$2a$"))
    }
}
