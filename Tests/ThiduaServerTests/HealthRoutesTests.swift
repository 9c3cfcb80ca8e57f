import Hummingbird
import HummingbirdTesting
import Postgres
import Testing
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
        let latest = try ThiduaSchema.migrator().migrations.last?.version
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0, expectedSchemaVersion: latest))
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
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0, expectedSchemaVersion: "9999"))
        try await app.test(.live) { client in
            let response = try await client.execute(uri: "/ready", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "5")
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
