import Foundation
import Postgres
import Testing
import ThiduaTesting

/// Issue 12 item 2: every pooled connection has bounded time — a runaway statement, a wait behind a lock and a
/// transaction left idle all end at their limits, a cancelled task cancels its statement and frees its
/// connection, and the connection string's own `options` reach the server.
@Suite struct SessionLimitsTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
    }

    private func pool(_ limits: SessionLimits, application: String = "thidua_limits") throws -> PostgresPool {
        PostgresPool(configuration: .init(
            connectionString: try database.connectionString() + " application_name=\(application)", maximumConnections: 2, limits: limits))
    }

    private func sqlState(_ error: any Error) -> String? { (error as? PostgresError)?.serverError?.sqlState }

    @Test func optionsOfTheConnectionStringReachTheServerBesideThiduasOwn() async throws {
        let connection = try await PostgresConnection.connect(to: try database.connectionString() + " options='-c work_mem=12345kB'")
        defer { connection.close() }
        #expect(try await connection.query("SHOW work_mem").first?.decode(String.self, at: 0) == "12345kB")
        #expect(try await connection.query("SHOW TimeZone").first?.decode(String.self, at: 0) == "UTC")
        // As a URL too.
        let url = "postgresql:///postgres?host=\(try Self.parameter("host", of: database.connectionString()))"
            + "&port=\(try Self.parameter("port", of: database.connectionString()))&user=postgres&options=-c%20work_mem%3D2345kB"
        let viaURL = try await PostgresConnection.connect(to: url)
        defer { viaURL.close() }
        #expect(try await viaURL.query("SHOW work_mem").first?.decode(String.self, at: 0) == "2345kB")
    }

    @Test func theLimitsReachEveryPooledConnection() async throws {
        let pool = try pool(SessionLimits(statementTimeout: .milliseconds(1500), lockTimeout: .milliseconds(700), idleInTransactionTimeout: .seconds(20)))
        let settings = try await pool.query(
            "SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), current_setting('idle_in_transaction_session_timeout')")
        let (statement, lock, idle) = try #require(try settings.first?.decode((String, String, String).self))
        #expect(statement == "1500ms" && lock == "700ms" && idle == "20s")
        await pool.close()
    }

    @Test func aRunawayStatementEndsAtTheStatementTimeout() async throws {
        let pool = try pool(SessionLimits(statementTimeout: .milliseconds(300)))
        let started = ContinuousClock.now
        await #expect { try await pool.query("SELECT pg_sleep(10)") } throws: { sqlState($0) == "57014" }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(try await pool.query("SELECT 1::int").first?.decode(Int.self, at: 0) == 1, "the connection serves again")
        await pool.close()
    }

    @Test func aWaitBehindARowLockEndsAtTheLockTimeout() async throws {
        let admin = try await database.connect()
        defer { admin.close() }
        try await admin.execute(script: "CREATE TABLE held (id int PRIMARY KEY, note text); INSERT INTO held VALUES (1, 'a')")
        let pool = try pool(SessionLimits(statementTimeout: .seconds(30), lockTimeout: .milliseconds(400)))
        try await admin.execute(script: "BEGIN; SELECT * FROM held WHERE id = 1 FOR UPDATE")
        let started = ContinuousClock.now
        await #expect { try await pool.query("UPDATE held SET note = 'b' WHERE id = 1") } throws: { sqlState($0) == "55P03" }
        #expect(ContinuousClock.now - started < .seconds(5))
        try await admin.execute(script: "ROLLBACK")
        #expect(try await admin.query("SELECT note FROM held").first?.decode(String.self, at: 0) == "a", "nothing written")
        await pool.close()
    }

    @Test func aTransactionLeftIdleIsEndedByTheServer() async throws {
        let pool = try pool(SessionLimits(idleInTransactionTimeout: .milliseconds(300)))
        await #expect(throws: PostgresError.self) {
            try await pool.withConnection { connection in
                try await connection.execute(script: "BEGIN")
                try await Task.sleep(for: .seconds(1))
                try await connection.query("SELECT 1")
            }
        }
        #expect(try await pool.query("SELECT 2::int").first?.decode(Int.self, at: 0) == 2, "the pool replaced the ended connection")
        await pool.close()
    }

    @Test func aCancelledTaskCancelsItsStatementAndFreesItsConnection() async throws {
        let admin = try await database.connect()
        defer { admin.close() }
        let pool = try pool(.none, application: "thidua_cancel")
        let sleeper = Task { try await pool.query("SELECT pg_sleep(30)") }
        // Wait until the statement runs on the server, then give up on it.
        for _ in 0..<200 {
            let running = try await admin.query(
                "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'thidua_cancel' AND query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'")
            if try running.first?.decode(Int.self, at: 0) == 1 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let started = ContinuousClock.now
        sleeper.cancel()
        let result = await sleeper.result
        #expect(ContinuousClock.now - started < .seconds(5), "the statement ended at the cancel, not after 30 s")
        #expect(throws: (any Error).self) { try result.get() }
        #expect(pool.statistics.leased == 0)
        let stillSleeping = try await admin.query(
            "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = 'thidua_cancel' AND state = 'active'")
        #expect(try stillSleeping.first?.decode(Int.self, at: 0) == 0)
        #expect(try await pool.query("SELECT 3::int").first?.decode(Int.self, at: 0) == 3)
        await pool.close()
    }

    static func parameter(_ name: String, of connectionString: String) throws -> String {
        let pair = try #require(connectionString.split(separator: " ").first { $0.hasPrefix("\(name)=") })
        return String(pair.dropFirst(name.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
    }
}
