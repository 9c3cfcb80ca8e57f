import Foundation
import Postgres
import PostgresCluster
import Testing

/// Restarts a server under a live pool, so it runs on a cluster of its own, not the shared test cluster.
@Suite(.serialized) struct PoolRecoveryTests {
    @Test func thePoolSurvivesAServerRestartAndFailsFastWhileTheServerIsDown() async throws {
        let directory = NSTemporaryDirectory() + "thidua-restart-\(UUID().uuidString.prefix(8))"
        let cluster = PostgresCluster(directory: directory, options: .init(durable: false))
        try cluster.initialiseIfNeeded()
        try cluster.start()
        defer {
            try? cluster.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }
        let pool = PostgresPool(configuration: .init(connectionString: try cluster.connectionString(), maximumConnections: 2))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { try await pool.query("SELECT pg_sleep(0.01)") } }
            try await group.waitForAll()
        }
        #expect(pool.statistics.open == 2)

        try cluster.restart()
        // Both idle connections died with the old server; the pool notices and reconnects, no process restart.
        for _ in 0..<3 {
            #expect(try await pool.query("SELECT 1::int").first?.decode(Int.self, at: 0) == 1)
        }

        try cluster.stop()
        let started = ContinuousClock.now
        await #expect {
            try await pool.query("SELECT 1")
        } throws: { error in
            switch error as? PostgresError {
            case .connectionFailed, .connectionLost: true
            default: false
            }
        }
        #expect(ContinuousClock.now - started < .seconds(3))

        try cluster.start()
        #expect(try await pool.query("SELECT 2::int").first?.decode(Int.self, at: 0) == 2)
        await pool.close()
    }

    /// Issue 12 as it was seen: a restart under 64 clients left 64 backends behind a pool of 4, for good.
    @Test func sixtyFourClientsThroughARestartLeaveNoMoreBackendsThanThePoolsMaximum() async throws {
        let directory = NSTemporaryDirectory() + "thidua-restart-\(UUID().uuidString.prefix(8))"
        let cluster = PostgresCluster(directory: directory, options: .init(durable: false, settings: ["max_connections": "200"]))
        try cluster.initialiseIfNeeded()
        try cluster.start()
        defer {
            try? cluster.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }
        let name = "thidua_pool_restart"
        let pool = PostgresPool(configuration: .init(
            connectionString: try cluster.connectionString() + " application_name=\(name)", maximumConnections: 4, acquireTimeout: .seconds(60)
        ))
        let running = Task {
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<64 {
                    group.addTask {
                        while !Task.isCancelled { _ = try? await pool.query("SELECT pg_sleep(0.002)") }
                    }
                }
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        try cluster.restart()
        try await Task.sleep(for: .milliseconds(500))
        let admin = try await PostgresConnection.connect(to: try cluster.connectionString())
        defer { admin.close() }
        var most = 0
        for _ in 0..<20 {
            let count = try await admin.query("SELECT count(*)::int FROM pg_stat_activity WHERE application_name = \(name)")
            most = max(most, try count.first!.decode(Int.self, at: 0))
            try await Task.sleep(for: .milliseconds(50))
        }
        running.cancel()
        await running.value
        #expect(most <= 4, "\(most) backends for a pool of 4")
        #expect(most > 0, "the pool was serving again")
        #expect(pool.statistics.open <= 4)
        #expect(try await pool.query("SELECT 3::int").first?.decode(Int.self, at: 0) == 3)
        let started = ContinuousClock.now
        await pool.close()
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
