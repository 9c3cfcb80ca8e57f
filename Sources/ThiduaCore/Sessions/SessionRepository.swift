import Foundation
import Postgres

/// Signing in and out, and resolving a request's token to its user (issue 5 §2).
///
/// ```swift
/// let session = try await sessions.signIn(username: "sinchai.canbo", password: "…", address: "203.0.113.7")
/// let actor = try await sessions.actor(for: session.token)      // nil once signed out, expired or disabled
/// ```
/// Passwords are checked by PostgreSQL (bcrypt) as Unicode NFC, and reach it as typed: `sign_in` and
/// `change_password` normalise them themselves (0027), so a hash made before that from a decomposed password
/// still matches it as typed. A failed sign-in costs one bcrypt whether the account exists, is disabled or not.
/// The token lives only with the client, the database keeps its SHA-256. After a few wrong passwords for one username from one address, or from one address, each further
/// try must wait a delay that doubles with every failure (`sign_in_rules`, 0019); a wrong old password of a
/// password change counts the same. `address` is the client's, as the server finds it behind its trusted proxies.
public struct SessionRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    public struct Session: Sendable, Hashable {
        public var token: SessionToken
        public var sessionID: UUID
        public var userID: UUID
        public var expiresAt: Date
    }

    /// A new session, or ``ThiduaError/invalidCredentials`` (wrong name, password, or a disabled account:
    /// the same answer) or ``ThiduaError/throttled(retryAfter:)``.
    public func signIn(username: String, password: String, address: String?) async throws -> Session {
        let token = SessionToken()
        let rows = try await store.pool.query("""
            SELECT session_id, user_id, expires_at, throttled, retry_after
            FROM thidua.sign_in(\(username), \(password), \(address)::inet, \(token.digest))
            """)
        let row = try rows.single()!
        if try row.decode(Bool.self, column: "throttled") {
            throw ThiduaError.throttled(retryAfter: try row.decode(Int?.self, column: "retry_after") ?? 1)
        }
        guard let sessionID = try row.decode(UUID?.self, column: "session_id") else { throw ThiduaError.invalidCredentials }
        return Session(
            token: token, sessionID: sessionID, userID: try row.decode(column: "user_id"), expiresAt: try row.decode(column: "expires_at"))
    }

    /// The user of a live session as an actor, in one round trip; `nil` when the session is not live (unknown,
    /// signed out, expired, or the user was disabled).
    public func actor(for token: SessionToken, requestID: String? = nil) async throws -> Actor? {
        let rows = try await store.pool.query("""
            SELECT user_id, \(sql: Actor.profileColumns) FROM thidua.session_actor(\(token.digest))
            """)
        guard let row = try rows.single() else { return nil }
        var actor = try Actor(profile: row, userID: try row.decode(column: "user_id"), requestID: requestID)
        actor.claim = .session(token)
        return actor
    }

    /// A session of `userID` opened by a superuser connection without a password (the demo's and the tests'
    /// set-up: `thidua.open_session`, 0029), and its user as an actor acting through it.
    public func actor(openingSessionFor userID: UUID, on superuser: PostgresConnection) async throws -> Actor {
        let token = try await Self.open(for: userID, on: superuser)
        guard let actor = try await actor(for: token) else { throw ThiduaError.notFound("người dùng / user") }
        return actor
    }

    /// A new session of `userID` opened by a superuser connection, and its token.
    public static func open(for userID: UUID, on superuser: PostgresConnection) async throws -> SessionToken {
        let token = SessionToken()
        _ = try await superuser.query("SELECT thidua.open_session(\(userID), \(token.digest))")
        return token
    }

    /// Ends the session; signing out twice is harmless.
    public func signOut(_ token: SessionToken) async throws {
        _ = try await store.pool.query("SELECT thidua.sign_out(\(token.digest))")
    }

    /// Changes the actor's own password after checking the old one; every other session of theirs ends. A wrong
    /// old one is a failure of (the actor's username, `address`), throttled as sign-in is.
    public func changePassword(
        from old: String, to new: String, keeping token: SessionToken?, address: String?, by actor: Actor
    ) async throws {
        guard new.count >= 10 else {
            throw ThiduaError.invalid(field: "newPassword", vietnamese: "Mật khẩu phải có ít nhất 10 ký tự.",
                                      english: "A password has at least 10 characters.")
        }
        let capacity = try Policy.permit(actor, .changeOwnPassword)
        let changed = try await store.write(actor, capacity, action: "user.change_password") { connection in
            try await connection.query("SELECT thidua.change_password(\(old), \(new), \(token?.digest), \(address)::inet)").single()!.decode(Bool.self, at: 0)
        }
        guard changed else { throw ThiduaError.invalidCredentials }
    }
}
