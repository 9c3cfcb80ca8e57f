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
}
