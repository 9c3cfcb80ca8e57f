import ArgumentParser
import Postgres
import PostgresCluster
import ThiduaSchema

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trạng thái cơ sở dữ liệu riêng / Is the private PostgreSQL running, and at which schema version?",
        discussion: "Exits 0 when it runs, 69 when it is stopped or not initialised."
    )

    @OptionGroup var data: DataOptions

    func run() async throws {
        let cluster: PostgresCluster
        let status: PostgresCluster.Status
        do {
            cluster = try data.cluster()
            status = try cluster.status()
        } catch {
            throw CommandFailure.exit(for: error)
        }
        switch status {
        case .notInitialised:
            Console.line("Chưa khởi tạo / not initialised: \(cluster.directory)")
            throw ExitCode(CommandFailure.unavailable)
        case .stopped:
            Console.line("Đã dừng / stopped: \(cluster.directory)")
            throw ExitCode(CommandFailure.unavailable)
        case .running(let running):
            Console.line(Self.describe(running, cluster: cluster))
            let version = try? await schemaVersion(cluster)
            Console.line("Phiên bản lược đồ / schema version: \((version ?? nil) ?? "—")")
        }
    }

    private func schemaVersion(_ cluster: PostgresCluster) async throws -> String? {
        let connection = try await PostgresConnection.connect(to: try cluster.connectionString(database: ThiduaSchema.databaseName))
        defer { connection.close() }
        return try await ThiduaSchema.appliedVersion(connection)
    }

    static func describe(_ running: PostgresCluster.Running, cluster: PostgresCluster) -> String {
        var text = "Đang chạy / running: pid \(running.pid), socket \(running.socketDirectory), port \(running.port)"
        if running.listensOnLoopback { text += " (127.0.0.1:\(running.port))" }
        return text + "\n  psql: " + ((try? cluster.connectionString(database: ThiduaSchema.databaseName)) ?? "")
    }
}
