import Postgres
import PostgresCluster
import ThiduaSchema

/// thidua's database inside the private cluster: made and migrated as the cluster's superuser,
/// served as the application role.
struct PrivateDatabase {
    let cluster: PostgresCluster

    /// Creates the database if needed and applies pending migrations, reporting each on standard output.
    func prepare() async throws {
        let admin = try await PostgresConnection.connect(to: try cluster.connectionString())
        if try await ThiduaSchema.createDatabaseIfMissing(admin: admin) {
            Console.line("Tạo cơ sở dữ liệu / created database \"\(ThiduaSchema.databaseName)\"")
        }
        admin.close()
        try await Migrate.apply(to: try cluster.connectionString(database: ThiduaSchema.databaseName))
    }

    /// Loads the demo data into the database when it has none yet, and prints the demo accounts.
    func prepareDemo() async throws {
        let superuser = try await PostgresConnection.connect(to: try cluster.connectionString(database: ThiduaSchema.databaseName))
        defer { superuser.close() }
        try await DemoData.prepare(superuser: superuser, application: try applicationConnectionString())
    }

    func applicationConnectionString() throws -> String {
        try cluster.connectionString(database: ThiduaSchema.databaseName, user: ThiduaSchema.applicationRole)
    }

    /// The audit verifier's login (`thidua_verifier`: reads the whole trail, nothing else).
    func verifierConnectionString() throws -> String {
        try cluster.connectionString(database: ThiduaSchema.databaseName, user: ThiduaSchema.verifierRole)
    }
}
