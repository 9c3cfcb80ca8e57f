import Postgres
import Testing
import ThiduaTesting

/// Issue 12 item 6: a connection cannot be misused — two tasks at once is refused, not a corrupted libpq
/// handle, and a close during a statement waits for the statement instead of freeing the handle under it.
@Suite struct ConnectionMisuseTests {
    @Test func twoTasksAtOnceOnOneConnectionIsRefusedAndTheFirstFinishes() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let connection = try await database.connect()
        defer { connection.close() }
        async let first = connection.query("SELECT 1::int, pg_sleep(0.5)")
        try await Task.sleep(for: .milliseconds(100))
        await #expect {
            try await connection.query("SELECT 2::int")
        } throws: { error in
            if case .misuse = error as? PostgresError { return true }
            return false
        }
        #expect(try await first.first?.decode(Int.self, at: 0) == 1)
        #expect(try await connection.query("SELECT 3::int").first?.decode(Int.self, at: 0) == 3, "the connection is unharmed")
    }

    @Test func aCloseDuringAStatementHappensWhenTheStatementEnds() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let connection = try await database.connect()
        async let running = connection.query("SELECT 4::int, pg_sleep(0.5)")
        try await Task.sleep(for: .milliseconds(100))
        connection.close()
        #expect(try await running.first?.decode(Int.self, at: 0) == 4, "the statement ran to its end on a live handle")
        await #expect {
            try await connection.query("SELECT 5")
        } throws: { error in
            if case .connectionLost = error as? PostgresError { return true }
            return false
        }
    }
}
