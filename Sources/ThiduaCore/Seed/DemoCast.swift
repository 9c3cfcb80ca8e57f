import Foundation
import Postgres

/// The demo users the demo data acts as, found by username in one query and loaded as actors.
struct DemoCast {
    var actors: [String: Actor]

    static func find(_ usernames: [String], on superuser: PostgresConnection, users: UserRepository) async throws -> DemoCast {
        let rows = try await superuser.query("SELECT username, id FROM thidua.users WHERE username = ANY (\(usernames))")
        var ids: [String: UUID] = [:]
        for row in rows { ids[try row.decode(String.self, at: 0)] = try row.decode(UUID.self, at: 1) }
        var actors: [String: Actor] = [:]
        for username in usernames {
            guard let id = ids[username] else { throw ThiduaError.notFound("người dùng minh họa / demo user \(username)") }
            actors[username] = try await users.actor(userID: id)
        }
        return DemoCast(actors: actors)
    }

    /// A user `find` loaded (every username it was given).
    subscript(username: String) -> Actor { actors[username]! }
}
