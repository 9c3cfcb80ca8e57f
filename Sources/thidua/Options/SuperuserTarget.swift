import ArgumentParser
import Postgres
import PostgresCluster
import ThiduaSchema

/// The database a maintenance command works on, as a role that sees everything: DATABASE_URL (a superuser's),
/// or the private cluster's superuser.
struct SuperuserTarget: ParsableArguments {
    @OptionGroup var database: DatabaseURLOption
    @OptionGroup var data: DataOptions

    func connect() async throws -> PostgresConnection {
        if let url = database.resolved { return try await PostgresConnection.connect(to: url) }
        return try await PostgresConnection.connect(to: try data.cluster().connectionString(database: ThiduaSchema.databaseName))
    }
}
