import Hummingbird
import HummingbirdTesting
import Postgres
import Testing
import ThiduaCore
import ThiduaSchema
import ThiduaServer
import ThiduaTesting

@Suite struct HealthRoutesTests {
    @Test func healthAnswersWithoutTheDatabase() async throws {
        let pool = PostgresPool(configuration: .init(connectionString: "host=127.0.0.1 port=1 dbname=thidua connect_timeout=1"))
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
        }
        await pool.close()
    }

    @Test func readyReportsTheSchemaVersionWhenTheDatabaseIsCurrent() async throws {
        let database = try await TestDatabase.make()
        let pool = try database.pool(user: ThiduaSchema.applicationRole)
        let expected = try ThiduaSchema.migrator().migrations.map(\.expectedRecord)
        let latest = expected.last?.version
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0, expectedMigrations: expected))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/ready", method: .get)
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            #expect(body.contains("\"schemaVersion\":\"\(latest!)\""))
            #expect(body.contains("\"database\":\"reachable\""))
        }
        await pool.close()
    }

    @Test func readyIs503WithRetryAfterWhenTheSchemaIsBehind() async throws {
        let database = try await TestDatabase.make()
        let pool = try database.pool(user: ThiduaSchema.applicationRole)
        let later = Migrator.AppliedMigration(version: "9999", name: "later", checksum: String(repeating: "0", count: 64))
        let expected = try ThiduaSchema.migrator().migrations.map(\.expectedRecord) + [later]
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0, expectedMigrations: expected))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/ready", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "5")
            let body = String(buffer: response.body)
            #expect(body.contains("\"differingMigrations\":[\"9999_later.sql\"]") && body.contains("thidua db migrate"))
        }
        await pool.close()
    }

    /// The same number is not the same schema: a database that ran an edited 0012 is not ready for this build.
    @Test func readyIs503WhenAnAppliedMigrationsChecksumDiffers() async throws {
        let database = try await TestDatabase.make()
        let admin = try await database.connect()
        defer { admin.close() }
        try await admin.query("UPDATE public.schema_migrations SET checksum = repeat('f', 64) WHERE version = '0012'")
        let pool = try database.pool(user: ThiduaSchema.applicationRole)
        let expected = try ThiduaSchema.migrator().migrations.map(\.expectedRecord)
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0, expectedMigrations: expected))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/ready", method: .get)
            #expect(response.status == .serviceUnavailable)
            let body = String(buffer: response.body)
            #expect(body.contains("\"schemaVersion\":\"\(expected.last!.version)\""), "the numbers agree")
            #expect(body.contains("\"differingMigrations\":[\"0012_reports.sql\"]"))
            #expect(body.contains("differ from this build"))
        }
        await pool.close()
    }

    @Test func readyIs503WhenTheDatabaseCannotBeReached() async throws {
        let pool = PostgresPool(configuration: .init(connectionString: "host=127.0.0.1 port=1 dbname=thidua connect_timeout=1"))
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/ready", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("unreachable"))
        }
        await pool.close()
    }

    @Test func apiIs503WithRetryAfterAndTheErrorShapeWhileTheDatabaseIsUnreachable() async throws {
        let pool = PostgresPool(configuration: .init(connectionString: "host=127.0.0.1 port=1 dbname=thidua connect_timeout=1"))
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0))
        try await app.test(.live) { client in
            let token = String(repeating: "A", count: 43)
            let response = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "5")
            #expect(String(buffer: response.body).contains("\"code\":\"database_unavailable\""))
        }
        await pool.close()
    }
}
