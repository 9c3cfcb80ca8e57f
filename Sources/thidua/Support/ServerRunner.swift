import Foundation
import Hummingbird
import Logging
import Postgres
import ThiduaCore
import ThiduaSchema
import ThiduaServer

/// Runs the HTTP server over a pool until SIGINT or SIGTERM, then closes the pool.
enum ServerRunner {
    /// `verifierURL` is the audit verifier's login when the options name none (the private database's), and
    /// `ballotKeyFile` the ballot key's file (the private database's folder's, made when missing).
    static func run(connectionString: String, verifierURL: String? = nil, ballotKeyFile: String? = nil, options: ServerOptions) async throws {
        let pool = PostgresPool(configuration: .init(
            connectionString: connectionString, maximumConnections: try options.resolvedPoolSize(), limits: try options.resolvedLimits()))
        let standby = try options.resolvedStandby()
        let expected = try ThiduaSchema.migrator().migrations.map(\.expectedRecord)
        let configuration = ServerConfiguration(
            host: options.resolvedHost(), port: try options.resolvedPort(), expectedMigrations: expected,
            secureCookies: try options.resolvedBehindTLS(), trustedProxies: try options.resolvedTrustedProxies(),
            auditVerifierURL: options.resolvedVerifierURL() ?? verifierURL, ballotKey: try options.resolvedBallotKey(privateDefault: ballotKeyFile))
        var logger = Logger(label: "thidua")
        logger.logLevel = Environment.string("THIDUA_LOG_LEVEL").flatMap(Logger.Level.init(rawValue:)) ?? .info
        let app = ThiduaApplication.make(pool: pool, standby: standby, configuration: configuration, logger: logger) { url in
            Console.line("thidua đang chạy tại / is running at \(url)  (Ctrl-C để dừng / to stop)")
        }
        do {
            try await app.runService()
        } catch {
            await pool.close()
            await standby?.pool.close()
            throw error
        }
        await pool.close()
        await standby?.pool.close()
    }
}
