import Foundation
import Postgres

/// The demo users the demo data acts as, found by username in one query and loaded as actors, each through a
/// session the superuser opens for them (the application's role names no one: 0029).
struct DemoCast {
    var actors: [String: Actor]

    static func find(_ usernames: [String], on superuser: PostgresConnection, sessions: SessionRepository) async throws -> DemoCast {
        let rows = try await superuser.query("SELECT username, id FROM thidua.users WHERE username = ANY (\(usernames))")
        var ids: [String: UUID] = [:]
        for row in rows { ids[try row.decode(String.self, at: 0)] = try row.decode(UUID.self, at: 1) }
        var actors: [String: Actor] = [:]
        for username in usernames {
            guard let id = ids[username] else { throw ThiduaError.notFound("người dùng minh họa / demo user \(username)") }
            actors[username] = try await sessions.actor(openingSessionFor: id, on: superuser)
        }
        return DemoCast(actors: actors)
    }

    /// A user `find` loaded (every username it was given).
    subscript(username: String) -> Actor { actors[username]! }
}
