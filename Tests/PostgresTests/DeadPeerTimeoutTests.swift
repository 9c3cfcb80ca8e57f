#if canImport(Glibc)
import Glibc
#endif
import CLibPQ
import Foundation
@testable import Postgres
import PostgresCluster
import Testing

/// Issue 12 item 2: the dead-peer limit is on the socket of a live TCP connection, where the kernel applies it —
/// keepalive probes after a third of the limit and `TCP_USER_TIMEOUT` at the limit — not only in the parameters
/// given to libpq (a Unix socket, as the other tests use, has neither).
@Suite struct DeadPeerTimeoutTests {
    @Test func aPooledTCPConnectionCarriesKeepalivesAndTheUserTimeout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-keepalive-\(UUID().uuidString)").path
        let cluster = PostgresCluster(directory: folder, options: .init(port: 0, durable: false))
        defer {
            try? cluster.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }
        let status = try cluster.start()
        // Loopback TCP asks for a password (the socket trusts its own user): give the superuser one.
        let local = try await PostgresConnection.connect(to: try cluster.connectionString())
        try await local.execute(script: "ALTER ROLE \(PostgresCluster.superuser) PASSWORD 'keepalive-test'")
        local.close()
        let pool = PostgresPool(configuration: .init(
            connectionString: "host=127.0.0.1 port=\(status.port) dbname=postgres user=\(PostgresCluster.superuser) password=keepalive-test",
            maximumConnections: 1, limits: SessionLimits(deadPeerTimeout: .seconds(30))))
        let options = try await pool.withConnection { connection in
            let socket = PQsocket(connection.handle)
            func option(_ level: Int32, _ name: Int32) -> Int32 {
                var value: Int32 = -1
                var size = socklen_t(MemoryLayout<Int32>.size)
                return getsockopt(socket, level, name, &value, &size) == 0 ? value : -1
            }
            return (keepalive: option(SOL_SOCKET, SO_KEEPALIVE), idle: option(Int32(IPPROTO_TCP), TCP_KEEPIDLE),
                    interval: option(Int32(IPPROTO_TCP), TCP_KEEPINTVL), count: option(Int32(IPPROTO_TCP), TCP_KEEPCNT),
                    userTimeout: option(Int32(IPPROTO_TCP), TCP_USER_TIMEOUT))
        }
        await pool.close()
        #expect(options.keepalive == 1)
        #expect(options.idle == 10 && options.interval == 3 && options.count == 3, "\(options)")
        #expect(options.userTimeout == 30_000, "\(options)")
    }
}
