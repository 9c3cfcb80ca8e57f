import ArgumentParser
import Postgres
import PostgresCluster
import ThiduaSchema

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cập nhật lược đồ / Apply pending schema migrations.",
        discussion: """
            Applies the files of sql/migrations that the database has not run yet, in order, each in its own \
            transaction. A file changed after it was applied is refused by name (exit 65). Run it as a role \
            that may create roles and extensions (a superuser, or the database owner once the roles exist).

            Examples:
              thidua db migrate          the private cluster (it must be running)
              DATABASE_URL='postgresql://postgres@db/thidua' thidua db migrate
            """
    )

    @OptionGroup var database: DatabaseURLOption
    @OptionGroup var data: DataOptions

    func run() async throws {
        do {
            if let url = database.resolved {
                try await Self.apply(to: url)
            } else {
                try await PrivateDatabase(cluster: try data.cluster()).prepare()
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }

    static func apply(to connectionString: String) async throws {
        let connection = try await PostgresConnection.connect(to: connectionString)
        defer { connection.close() }
        let applied = try await ThiduaSchema.migrator().migrate(connection) { migration in
            Console.line("Áp dụng / applying \(migration.fileName)")
        }
        let version = try await ThiduaSchema.migrator().currentVersion(connection) ?? "—"
        Console.line(applied.isEmpty
            ? "Lược đồ đã mới nhất / schema is current (version \(version))"
            : "Đã áp dụng \(applied.count) / applied \(applied.count); schema version \(version)")
    }
}
