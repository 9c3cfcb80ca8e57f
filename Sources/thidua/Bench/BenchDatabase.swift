import Foundation
import Postgres
import ThiduaCore
import ThiduaSchema

/// thidua's database in the benchmark cluster: migrated, loaded with the Tủa Chùa catalogue and demo users,
/// and opened up so that the run measures throughput rather than the round's refusals.
///
/// Every change here is made over a superuser connection; the ones to audited tables are made as the
/// installer (``DataSet/actAsInstaller(action:on:)``), so they leave audit events like any other change.
struct BenchDatabase {
    /// The round the benchmark submits to.
    static let roundCode = "2021-huyen"
    /// Per-unit maximum for the run: the plan's 1–4 exemplars per commune would stop a unit after four
    /// submissions, and the benchmark is about the cost of the check, not its refusals.
    static let runMaximum = 100_000_000

    let superuser: String
    let application: String

    /// Creates the database, migrates it, loads the data sets and opens the round.
    static func prepare(in cluster: BenchCluster) async throws -> BenchDatabase {
        let admin = try await PostgresConnection.connect(to: try cluster.connectionString(database: "postgres"))
        try await ThiduaSchema.createDatabaseIfMissing(admin: admin)
        admin.close()
        let database = BenchDatabase(
            superuser: try cluster.connectionString(database: ThiduaSchema.databaseName),
            application: try cluster.connectionString(
                database: ThiduaSchema.databaseName, user: ThiduaSchema.applicationRole))
        try await database.asSuperuser { connection in
            try await ThiduaSchema.migrator().migrate(connection)
            try await DataSet.load([.tuaChuaCatalogue, .tuaChuaDemoUsers], superuser: connection)
            try await connection.withTransaction { connection in
                try await DataSet.actAsInstaller(action: "bench.open_round", on: connection)
                try await connection.query("""
                    UPDATE thidua.rounds SET due_at = now() + interval '10 years', version = version + 1
                    WHERE code = \(roundCode)
                    """)
                try await connection.query("""
                    UPDATE thidua.round_unit_limits SET maximum = \(runMaximum)
                    WHERE round_id = (SELECT id FROM thidua.rounds WHERE code = \(roundCode))
                    """)
            }
            try await connection.execute(script: "ANALYZE")
        }
        return database
    }

    /// Turns row-level security off (`NO FORCE`, `DISABLE`) or back on (`ENABLE`, `FORCE`) on every table of
    /// the schema, as migration 0006 left it.
    func setRowLevelSecurity(_ on: Bool) async throws {
        let change = on ? "ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY"
                        : "NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY"
        try await asSuperuser { connection in
            try await connection.execute(script: """
                DO $$
                DECLARE
                    t text;
                BEGIN
                    FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
                             WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind IN ('r', 'p') LOOP
                        EXECUTE format('ALTER TABLE thidua.%I \(change)', t);
                    END LOOP;
                END
                $$
                """)
        }
    }

    /// Logs every statement of the application role's new sessions (`log_statement = all`), or stops.
    func setStatementLogging(_ on: Bool) async throws {
        let role = PostgresQuery.quoted(identifier: ThiduaSchema.applicationRole)
        let database = PostgresQuery.quoted(identifier: ThiduaSchema.databaseName)
        try await asSuperuser { connection in
            try await connection.execute(script: on
                ? "ALTER ROLE \(role) IN DATABASE \(database) SET log_statement = 'all'"
                : "ALTER ROLE \(role) IN DATABASE \(database) RESET log_statement")
        }
    }

    /// Writes dirty pages out between measurements, so one run does not pay for the last one's writes.
    func settle() async throws {
        try await asSuperuser { try await $0.execute(script: "CHECKPOINT") }
    }

    /// The round's id and the area's.
    func round() async throws -> (id: UUID, areaID: String) {
        try await asSuperuser { connection in
            let rows = try await connection.query("SELECT id, area_id FROM thidua.rounds WHERE code = \(Self.roundCode)")
            return try rows.single()!.decode((UUID, String).self)
        }
    }

    func asSuperuser<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(to: superuser)
        defer { connection.close() }
        return try await body(connection)
    }
}
