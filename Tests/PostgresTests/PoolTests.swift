import Postgres
import Testing
import ThiduaTesting

@Suite struct PoolTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
    }

    @Test func twoHundredTasksOverFourConnectionsLeakNothing() async throws {
        let pool = try database.pool(maximumConnections: 4)
        let sum = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 1...200 {
                group.addTask {
                    try await pool.withConnection { connection in
                        try await connection.query("SELECT \(index)::int, pg_sleep(0.001)").first!.decode(Int.self, at: 0)
                    }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(sum == 200 * 201 / 2)
        let statistics = pool.statistics
        #expect(statistics.leased == 0)
        #expect(statistics.waiting == 0)
        #expect(statistics.open <= 4)
        #expect(statistics.idle == statistics.open)
        let serverSide = try await pool.query(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = \(database.name) AND application_name = 'thidua'"
        )
        #expect(try serverSide.first!.decode(Int.self, at: 0) <= 4)
        await pool.close()
    }

    @Test func waitingPastTheTimeoutIsAClearError() async throws {
        let pool = try database.pool(maximumConnections: 1, acquireTimeout: .milliseconds(200))
        // Open the connection first: the wait for a connect counts against the 200 ms too, and under the
        // parallel suite a connect can take longer, which would fail the holder and leave the barrier hanging.
        // A connect outlives the wait that asked for it and is parked, so a later try finds it.
        var attempts = 0
        while (try? await pool.query("SELECT 1")) == nil, attempts < 100 { attempts += 1 }
        let holding = Barrier(parties: 2)
        let release = Barrier(parties: 2)
        async let holder: Void = pool.withConnection { _ in
            await holding.arrive()
            await release.arrive()
        }
        await holding.arrive()
        let started = ContinuousClock.now
        await #expect {
            try await pool.query("SELECT 1")
        } throws: { error in
            guard case PostgresError.poolTimeout(let waited, let maximum) = error else { return false }
            return waited == .milliseconds(200) && maximum == 1 && "\(error)".contains("busy")
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(pool.statistics.waiting == 0)
        await release.arrive()
        try await holder
        #expect(try await pool.query("SELECT 1::int").first?.decode(Int.self, at: 0) == 1)
        await pool.close()
    }

    @Test func aConnectionLeftInATransactionIsNotReused() async throws {
        let pool = try database.pool(maximumConnections: 1)
        try await pool.withConnection { try await $0.execute(script: "BEGIN; CREATE TEMP TABLE leftover (x int)") }
        // The next borrower gets a clean session, not the abandoned transaction.
        let inTransaction = try await pool.query("SELECT to_regclass('leftover') IS NULL")
        #expect(try inTransaction.first!.decode(Bool.self, at: 0))
        await pool.close()
    }

    @Test func aClosedPoolRefusesWork() async throws {
        let pool = try database.pool(maximumConnections: 2)
        try await pool.query("SELECT 1")
        await pool.close()
        #expect(pool.statistics.open == 0)
        await #expect {
            try await pool.query("SELECT 1")
        } throws: { error in
            if case PostgresError.poolClosed = error { return true }
            return false
        }
    }

    @Test func closingWaitsForLeasedConnections() async throws {
        let pool = try database.pool(maximumConnections: 2)
        let inside = Barrier(parties: 2)
        let work = Task {
            try await pool.withConnection { connection in
                await inside.arrive()
                try await Task.sleep(for: .milliseconds(100))
                return try await connection.query("SELECT 5::int").first!.decode(Int.self, at: 0)
            }
        }
        await inside.arrive()
        await pool.close()
        #expect(try await work.value == 5)
        #expect(pool.statistics.open == 0)
    }
}
