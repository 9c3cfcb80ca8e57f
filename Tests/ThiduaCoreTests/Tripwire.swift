import Postgres
import Testing
import ThiduaTesting

/// A trigger that refuses every insert and update of some tables with SQLSTATE TD999, which no refusal of the
/// application maps. It fires before the tables' own guards (triggers fire in name order, and "a_" sorts
/// first), so a repository call that meets it sent its write to PostgreSQL, and one refused with a
/// ``ThiduaError`` while it is laid decided in Swift, before any write.
enum Tripwire {
    static func lay(on tables: [String], in world: RecordsWorld) async throws {
        try await world.superuser { connection in
            _ = try await connection.query("""
                CREATE OR REPLACE FUNCTION thidua.test_tripwire() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the write reached SQL' USING ERRCODE = 'TD999'; END $$
                """)
            for table in tables {
                _ = try await connection.query(PostgresQuery(unsafeSQL: """
                    CREATE TRIGGER a_tripwire BEFORE INSERT OR UPDATE ON thidua.\(PostgresQuery.quoted(identifier: table))
                    FOR EACH ROW EXECUTE FUNCTION thidua.test_tripwire()
                    """))
            }
        }
    }

    static func lift(from tables: [String], in world: RecordsWorld) async throws {
        try await world.superuser { connection in
            for table in tables {
                _ = try await connection.query(PostgresQuery(unsafeSQL: "DROP TRIGGER a_tripwire ON thidua.\(PostgresQuery.quoted(identifier: table))"))
            }
        }
    }

    /// `body` met the tripwire: its write was sent to PostgreSQL.
    static func expectReached(_ body: () async throws -> some Sendable, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        do {
            _ = try await body()
            Issue.record("the write was accepted: no tripwire", sourceLocation: sourceLocation)
        } catch let error as PostgresError {
            #expect(error.serverError?.sqlState == "TD999", "\(error)", sourceLocation: sourceLocation)
        }
    }
}
