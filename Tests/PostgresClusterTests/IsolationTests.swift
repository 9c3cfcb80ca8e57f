import Foundation
import PostgresCluster
import Testing

/// Clusters in different folders must never meet, and a TCP cluster gets a port of its own.
@Suite("Clusters side by side")
struct IsolationTests {
    @Test("port 0 picks a free loopback port that psql reaches over TCP; settings are applied")
    func freeLoopbackPort() throws {
        try TemporaryFolder.with { folder in
            let settings = ["max_connections": "42", "cluster_name": "it's a \"test\" $HOME"]
            let options = PostgresCluster.Options(port: 0, durable: false, settings: settings)
            let cluster = PostgresCluster(directory: folder, options: options)
            #expect(throws: PostgresClusterError.notRunning(directory: folder)) {
                try cluster.connectionString()
            }
            defer { try? cluster.stop() }
            let running = try cluster.start()
            #expect(running.listensOnLoopback)
            #expect(running.port > 0)

            let socket = try cluster.connectionString()
            #expect(socket.contains("port=\(running.port)"))
            #expect(try Psql.value(socket, "SHOW max_connections") == "42")
            #expect(try Psql.value(socket, "SHOW cluster_name") == "it's a \"test\" $HOME")
            #expect(try Psql.value(socket, "SHOW listen_addresses") == "127.0.0.1")

            // TCP uses SCRAM passwords (only the private socket is trusted), so give the superuser one.
            try Psql.value(socket, "ALTER ROLE postgres PASSWORD 'secret'")
            let tcp = "host=127.0.0.1 port=\(running.port) dbname=postgres user=postgres password=secret"
            #expect(try Psql.value(tcp, "SELECT host(inet_server_addr())") == "127.0.0.1")
            #expect(try Psql.value(tcp, "SELECT current_setting('port')") == String(running.port))
        }
    }

    @Test("two clusters started at the same time both run and do not see each other's tables")
    func twoClustersAtOnce() throws {
        try TemporaryFolder.with { first in
            try TemporaryFolder.with { second in
                let clusters = [first, second].map { PostgresCluster(directory: $0, options: .init(durable: false)) }
                defer { for cluster in clusters { try? cluster.stop() } }

                let results = Results<PostgresCluster.Running>()
                let group = DispatchGroup()
                for (index, cluster) in clusters.enumerated() {
                    DispatchQueue.global().async(group: group) {
                        results.set(index, Result { try cluster.start() })
                    }
                }
                group.wait()
                let running = try (0..<2).map { try #require(results.get($0)).get() }

                #expect(running[0].pid != running[1].pid)
                #expect(running[0].socketDirectory != running[1].socketDirectory)
                #expect(running[0].port == running[1].port, "same port number, told apart by their socket folders")
                for (cluster, state) in zip(clusters, running) {
                    #expect(try cluster.status() == .running(state))
                }

                let one = try clusters[0].connectionString()
                let two = try clusters[1].connectionString()
                try Psql.value(one, "CREATE TABLE only_in_first (id int)")
                #expect(try Psql.value(one, "SELECT to_regclass('only_in_first') IS NOT NULL") == "t")
                #expect(try Psql.value(two, "SELECT to_regclass('only_in_first') IS NULL") == "t")
            }
        }
    }
}

/// Results written by concurrent workers, read after they are all done.
private final class Results<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Result<Value, any Error>] = [:]

    func set(_ index: Int, _ value: Result<Value, any Error>) {
        lock.withLock { values[index] = value }
    }

    func get(_ index: Int) -> Result<Value, any Error>? {
        lock.withLock { values[index] }
    }
}
