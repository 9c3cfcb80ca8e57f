import Foundation
import Postgres
import ThiduaCore
import ThiduaSchema
import ThiduaTesting

/// A records world ready for council sessions: every person loaded as an actor, the round's maximums lifted so
/// a test can verify as many nominations as it needs, and ways to act in SQL behind the repositories' back.
struct CouncilFixture {
    typealias Person = RecordsWorld.Person

    let world: RecordsWorld
    let actors: [Person: Actor]

    var council: CouncilRepository { world.councilReviews }

    static func make(poolSize: Int = 8) async throws -> CouncilFixture {
        let world = try await RecordsWorld.make(poolSize: poolSize)
        try await world.asInstaller { connection in
            _ = try await connection.query("UPDATE thidua.round_unit_limits SET maximum = 1000")
        }
        var actors: [Person: Actor] = [:]
        for person in Person.allCases {
            actors[person] = try await world.actor(person)
        }
        return CouncilFixture(world: world, actors: actors)
    }

    subscript(person: Person) -> Actor { actors[person]! }

    /// A new nomination taken through the workflow to `verified`: commune B's by default (no council member sits
    /// for commune B), commune A's when asked (`member2` is then recused from it by default).
    func verified(_ name: String, ofCommuneA: Bool = false) async throws -> Nomination {
        try await world.verified(name, ofCommuneA: ofCommuneA)
    }

    /// `count` more council members of the council's unit (added by the installer), as actors.
    func addMembers(_ count: Int) async throws -> [Actor] {
        let ids = (0..<count).map { _ in UUID() }
        let council = world.council
        try await world.asInstaller { connection in
            for (index, id) in ids.enumerated() {
                _ = try await connection.query("""
                    INSERT INTO thidua.users (id, unit_id, username, full_name, password_hash)
                    VALUES (\(id), \(council), \("thanhvien\(index + 1)"), \("Thành viên số \(index + 1)"), crypt('mật khẩu thử', gen_salt('bf', 4)))
                    """)
                _ = try await connection.query("INSERT INTO thidua.role_grants (user_id, role) VALUES (\(id), 'council_member')")
            }
        }
        var members: [Actor] = []
        for id in ids {
            members.append(try await world.actor(userID: id))
        }
        return members
    }

    /// The rows of `council_votes` of a session as stored, read as the superuser: the figures the minutes must match.
    func rawVotes(in session: UUID) async throws -> [(nomination: UUID, member: UUID, choice: VoteChoice?)] {
        try await world.superuser { connection in
            try await connection.query("""
                SELECT nomination_id, member_id, choice FROM thidua.council_votes WHERE session_id = \(session)
                """).map { row in
                (try row.decode(UUID.self, at: 0), try row.decode(UUID.self, at: 1),
                 try row.decode(String?.self, at: 2).flatMap(VoteChoice.init(rawValue:)))
            }
        }
    }

    /// The SQLSTATE with which PostgreSQL refuses `sql` sent as the application role with only the acting user
    /// and role set (what a buggy or compromised server could send); `nil` when it is accepted.
    func refusal(of sql: PostgresQuery, as actor: Actor, in role: Role) async throws -> String? {
        let connection = try await world.database.connect(user: ThiduaSchema.applicationRole)
        defer { connection.close() }
        do {
            try await connection.withTransaction { connection in
                try await Self.name(actor, role, on: connection)
                _ = try await connection.query(sql)
            }
            return nil
        } catch let error as PostgresError {
            guard let state = error.serverError?.sqlState else { throw error }
            return state
        }
    }

    /// Every row of every table of the schema that `actor`, acting in `role` through the database role `user`,
    /// may read, each as its JSON text; the audit trail's rows carry their before/after JSON inside.
    func everythingReadable(as actor: Actor, in role: Role, user: String = ThiduaSchema.applicationRole) async throws -> [String] {
        let connection = try await world.database.connect(user: user)
        defer { connection.close() }
        return try await connection.withTransaction(readOnly: true) { connection in
            try await Self.name(actor, role, on: connection)
            let tables = try await connection.query("""
                SELECT c.relname FROM pg_class c
                WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind = 'r' AND has_table_privilege(c.oid, 'SELECT')
                ORDER BY 1
                """).map { try $0.decode(String.self, at: 0) }
            var texts: [String] = []
            for table in tables {
                let sql = "SELECT row_to_json(t)::text FROM thidua.\(PostgresQuery.quoted(identifier: table)) t"
                texts += try await connection.query(PostgresQuery(unsafeSQL: sql)).map { try $0.decode(String.self, at: 0) }
            }
            return texts
        }
    }

    private static func name(_ actor: Actor, _ role: Role, on connection: PostgresConnection) async throws {
        _ = try await connection.query(RecordStore.identification(actor.claim, role: role.rawValue))
    }
}
