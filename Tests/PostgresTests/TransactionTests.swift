import Postgres
import Synchronization
import Testing
import ThiduaTesting

@Suite struct TransactionTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
        let setup = try await database.connect()
        defer { setup.close() }
        try await setup.execute(script: """
            CREATE TABLE entries (id serial PRIMARY KEY, note text NOT NULL);
            CREATE TABLE on_call (member text PRIMARY KEY, present boolean NOT NULL);
            INSERT INTO on_call VALUES ('Hà', true), ('Lan', true);
            """)
    }

    private func count(_ connection: PostgresConnection, _ table: String) async throws -> Int {
        try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)")).first!.decode(Int.self, at: 0)
    }

    struct Refusal: Error {}

    @Test func aThrowingBodyLeavesNoRows() async throws {
        let connection = try await database.connect()
        await #expect(throws: Refusal.self) {
            try await connection.withTransaction { connection in
                try await connection.query("INSERT INTO entries (note) VALUES (\("một"))")
                try await connection.query("INSERT INTO entries (note) VALUES (\("hai"))")
                throw Refusal()
            }
        }
        #expect(try await count(connection, "entries") == 0)
    }

    @Test func aReturningBodyCommits() async throws {
        let connection = try await database.connect()
        let id = try await connection.withTransaction { connection in
            try await connection.query("INSERT INTO entries (note) VALUES ('ba') RETURNING id").first!.decode(Int.self, at: 0)
        }
        let other = try await database.connect()
        #expect(try await other.query("SELECT note FROM entries WHERE id = \(id)").first?.decode(String.self, at: 0) == "ba")
    }

    @Test func aSwallowedErrorDoesNotLookCommitted() async throws {
        let connection = try await database.connect()
        await #expect(throws: PostgresError.self) {
            try await connection.withTransaction { connection in
                try await connection.query("INSERT INTO entries (note) VALUES ('bốn')")
                _ = try? await connection.query("INSERT INTO entries (note) VALUES (NULL)")
            }
        }
        #expect(try await count(connection, "entries") == 0)
    }

    /// Write skew: each member checks someone else is on call, then leaves. Under SERIALIZABLE one of the two
    /// must fail with 40001; the retry runs it again, it sees the other left, and it commits too.
    @Test func conflictingSerializableTransactionsBothCommitThanksToTheRetry() async throws {
        let bothRead = Barrier(parties: 2)
        let attempts = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for member in ["Hà", "Lan"] {
                group.addTask {
                    let connection = try await database.connect()
                    defer { connection.close() }
                    var firstAttempt = true
                    try await connection.withTransaction(isolation: .serializable) { connection in
                        attempts.increment()
                        let present = try await connection.query("SELECT count(*) FROM on_call WHERE present").first!.decode(Int.self, at: 0)
                        if firstAttempt {
                            firstAttempt = false
                            await bothRead.arrive()
                        }
                        if present > 1 {
                            try await connection.query("UPDATE on_call SET present = false WHERE member = \(member)")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(attempts.value == 3)
        let connection = try await database.connect()
        #expect(try await connection.query("SELECT count(*) FROM on_call WHERE present").first?.decode(Int.self, at: 0) == 1)
    }

    @Test func retriesStopAfterTheLimit() async throws {
        let connection = try await database.connect()
        let attempts = Counter()
        await #expect {
            try await connection.withTransaction(maxAttempts: 3) { connection in
                attempts.increment()
                try await connection.execute(script: "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure'; END $$")
            }
        } throws: { ($0 as? PostgresError)?.serverError?.reason == .serializationFailure }
        #expect(attempts.value == 3)
    }
}

/// Counts from several tasks at once.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
