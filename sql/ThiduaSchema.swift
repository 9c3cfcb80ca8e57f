import Foundation
import Postgres

/// thidua's database schema: the migrations in `sql/migrations/`, shipped as resources of the binary,
/// and the database roles they create.
public enum ThiduaSchema {
    /// Owns every table and function; migrations run as it (`SET LOCAL ROLE`). Cannot log in.
    public static let ownerRole = "thidua_owner"
    /// The server connects as this role: no DDL, no `BYPASSRLS`, only `INSERT`/`SELECT` on the audit trail.
    public static let applicationRole = "thidua_app"
    /// Auditors and reports (and a hot standby): `SELECT` only.
    public static let readerRole = "thidua_reader"
    /// The audit verifier the server runs for auditors: bypasses row-level security to see the whole trail,
    /// reads the three audit tables and nothing else.
    public static let verifierRole = "thidua_verifier"

    /// The migrations folder: `THIDUA_MIGRATIONS` when set (a deployment that moved the binary), else the bundled copy.
    public static var migrationsDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["THIDUA_MIGRATIONS"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return Bundle.module.url(forResource: "migrations", withExtension: nil)!
    }

    /// The data sets folder (`sql/seed`): `THIDUA_SEED` when set, else the bundled copy.
    public static var seedDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["THIDUA_SEED"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return Bundle.module.url(forResource: "seed", withExtension: nil)!
    }

    public static func migrator() throws -> Migrator {
        Migrator(migrations: try Migration.load(from: migrationsDirectory), table: migrationsTable)
    }

    /// Where applied migrations are recorded.
    public static let migrationsTable = "schema_migrations"

    /// The newest migration the database has applied, `nil` for an empty one. Reads the record only, so
    /// the application role can ask without the migration files.
    public static func appliedVersion(_ connection: PostgresConnection) async throws -> String? {
        try await appliedMigrations(connection).last?.version
    }

    /// What the database records as applied, with checksums, in version order (for `/ready`).
    public static func appliedMigrations(_ connection: PostgresConnection) async throws -> [Migrator.AppliedMigration] {
        try await Migrator(migrations: [], table: migrationsTable).appliedMigrations(connection)
    }
}

extension ThiduaSchema {
    /// The database a private cluster holds thidua's data in.
    public static let databaseName = "thidua"

    /// Creates the database when the cluster does not have it yet. Returns true when it did.
    @discardableResult
    public static func createDatabaseIfMissing(_ name: String = databaseName, admin: PostgresConnection) async throws -> Bool {
        let exists = try await admin.query("SELECT EXISTS (SELECT FROM pg_database WHERE datname = \(name))")
        guard try exists.first?.decode(Bool.self, at: 0) == false else { return false }
        do {
            try await admin.execute(script: "CREATE DATABASE \(PostgresQuery.quoted(identifier: name)) ENCODING 'UTF8'")
        } catch let error as PostgresError where error.serverError?.sqlState == "42P04" {
            return false
        }
        return true
    }
}
