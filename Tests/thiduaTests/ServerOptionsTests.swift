import ArgumentParser
import Postgres
import ThiduaSchema
import ThiduaTesting
import Testing
import ThiduaServer
@testable import thidua

/// The server's options as a deployment gives them: behind nginx with TLS the session cookie must be Secure.
@Suite("ServerOptionsTests")
struct ServerOptionsTests {
    @Test("--behind-tls marks the session cookie Secure; without it the server serves plain HTTP on loopback")
    func behindTLS() throws {
        #expect(try ServerOptions.parse(["--behind-tls"]).resolvedBehindTLS())
        #expect(try ServerOptions.parse([]).behindTLS == false)
    }

    @Test("--trusted-proxy is repeatable, takes addresses and CIDRs, and refuses anything else; none by default")
    func trustedProxies() throws {
        let options = try ServerOptions.parse(["--trusted-proxy", "127.0.0.1", "--trusted-proxy", "10.0.0.0/8"])
        #expect(try options.resolvedTrustedProxies().map(\.description) == ["127.0.0.1/32", "10.0.0.0/8"])
        #expect(throws: ValidationError.self) { try ServerOptions.parse(["--trusted-proxy", "nginx"]).resolvedTrustedProxies() }
        #expect(try ServerOptions.parse([]).resolvedTrustedProxies().isEmpty)
        #expect(ServerOptions.helpMessage().contains("--trusted-proxy"))
    }
}

/// Issue 12 item 2: the database's time limits are settings with defaults, named in `--help`, and reach the
/// pool; the demo served over a superuser's DATABASE_URL really acts as the application role (its `options`
/// were once dropped by the binding, so it ran as the superuser, past row-level security).
@Suite("DatabaseLimitOptionsTests")
struct DatabaseLimitOptionsTests {
    @Test("every limit has a default, a flag and its name in --help; zero is refused")
    func limits() throws {
        let defaults = try ServerOptions.parse([]).resolvedLimits()
        #expect(defaults == SessionLimits(connectTimeout: .seconds(5), statementTimeout: .seconds(60), lockTimeout: .seconds(5),
                                          idleInTransactionTimeout: .seconds(30), deadPeerTimeout: .seconds(30)))
        let given = try ServerOptions.parse(["--statement-timeout", "9", "--lock-timeout", "2", "--idle-transaction-timeout", "7",
                                             "--connect-timeout", "3", "--dead-peer-timeout", "12"]).resolvedLimits()
        #expect(given == SessionLimits(connectTimeout: .seconds(3), statementTimeout: .seconds(9), lockTimeout: .seconds(2),
                                       idleInTransactionTimeout: .seconds(7), deadPeerTimeout: .seconds(12)))
        #expect(throws: (any Error).self) { try ServerOptions.parse(["--lock-timeout", "0"]).resolvedLimits() }
        let help = ServerOptions.helpMessage()
        for flag in ["--statement-timeout", "--lock-timeout", "--idle-transaction-timeout", "--connect-timeout", "--dead-peer-timeout"] {
            #expect(help.contains(flag), "\(flag)")
        }
    }

    @Test("a superuser's DATABASE_URL served by the demo acts as thidua_app")
    func actingRoleReachesTheServer() async throws {
        let database = try await TestDatabase.make()
        do {
            let url = try database.connectionString()
            let connection = try await PostgresConnection.connect(to: ConnectionRole.acting(as: ThiduaSchema.applicationRole, url))
            defer { connection.close() }
            #expect(try await connection.query("SELECT current_user::text").first?.decode(String.self, at: 0) == "thidua_app")
        }
    }
}
