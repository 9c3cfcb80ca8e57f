import Hummingbird
import Logging
import NIOCore
import Postgres

/// Builds thidua's HTTP application over a database pool.
///
/// ```swift
/// let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 8080)) { address in print(address) }
/// try await app.runService()   // until SIGINT or SIGTERM
/// ```
public enum ThiduaApplication {
    public static func make(
        pool: PostgresPool,
        configuration: ServerConfiguration,
        logger: Logger = Logger(label: "thidua.server"),
        onListening: @escaping @Sendable (_ url: String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        HealthRoutes(pool: pool, expectedSchemaVersion: configuration.expectedSchemaVersion).add(to: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "thidua"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                await onListening("http://\(configuration.host):\(port)")
            },
            logger: logger
        )
    }
}
