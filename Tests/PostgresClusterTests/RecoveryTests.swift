import Foundation
import PostgresCluster
import Testing

/// Restarts and crashes: what the demo and a client pool's recovery tests rely on.
@Suite("Restart and crash recovery")
struct RecoveryTests {
    @Test("restart keeps the data, the port (even a picked one) and the socket")
    func restartKeepsEverything() throws {
        try TemporaryFolder.with { folder in
            let cluster = PostgresCluster(directory: folder, options: .init(port: 0, durable: false))
            defer { try? cluster.stop() }
            let before = try cluster.start()
            let conninfo = try cluster.connectionString()
            try Psql.value(conninfo, "CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (7)")

            try cluster.restart()

            guard case .running(let after) = try cluster.status() else {
                Issue.record("not running after restart")
                return
            }
            #expect(after.pid != before.pid)
            #expect(Processes.ends(before.pid))
            #expect(after.port == before.port)
            #expect(after.socketDirectory == before.socketDirectory)
            #expect(after.listensOnLoopback)
            #expect(try cluster.connectionString() == conninfo)
            #expect(try Psql.value(conninfo, "SELECT id FROM survivor") == "7")
        }
    }

    @Test("a stale postmaster.pid from a crash reads as stopped and does not block start")
    func stalePidFile() throws {
        try TemporaryFolder.with { folder in
            let cluster = PostgresCluster(directory: folder, options: .init(durable: false))
            defer { try? cluster.stop() }
            try cluster.start()
            try cluster.stop()

            let dead = try Processes.deadPid()
            try Self.fakeCrash(of: cluster, pid: dead)
            #expect(try cluster.status() == .stopped)

            let running = try cluster.start()
            #expect(running.pid != dead)
            #expect(Processes.isAlive(running.pid))
            #expect(try Psql.value(cluster.connectionString(), "SELECT 1") == "1")
        }
    }

    @Test("stale lock files whose pid now belongs to another program do not block start")
    func stalePidReused() throws {
        try TemporaryFolder.with { folder in
            let cluster = PostgresCluster(directory: folder, options: .init(durable: false))
            defer { try? cluster.stop() }
            try cluster.initialiseIfNeeded()

            try Processes.withForeignProcess { reused in
                try Self.fakeCrash(of: cluster, pid: reused)
                #expect(try cluster.status() == .stopped)

                let running = try cluster.start()
                #expect(running.pid != reused)
                #expect(try Psql.value(cluster.connectionString(), "SELECT 1") == "1")
            }
        }
    }

    /// Leaves `postmaster.pid` and the socket lock file as a server with `pid` killed by a crash would.
    private static func fakeCrash(of cluster: PostgresCluster, pid: Int32) throws {
        let lock = [String(pid), cluster.dataDirectory, "1700000000", "5432", cluster.socketDirectory, "",
                    "  5432001         2", "ready   ", ""].joined(separator: "\n")
        try lock.write(toFile: cluster.dataDirectory + "/postmaster.pid", atomically: false, encoding: .utf8)
        try lock.write(toFile: cluster.socketDirectory + "/.s.PGSQL.5432.lock", atomically: false, encoding: .utf8)
    }
}
