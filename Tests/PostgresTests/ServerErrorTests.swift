import Foundation
import Postgres
import Testing
import ThiduaSchema
import ThiduaTesting

/// Each error the domain reacts to is produced by real SQL and arrives typed, with the server's fields.
@Suite struct ServerErrorTests {
    let database: TestDatabase
    let connection: PostgresConnection

    init() async throws {
        database = try await TestDatabase.make()
        connection = try await database.connect()
        try await connection.execute(script: """
            CREATE TABLE thidua.test_units (code text PRIMARY KEY, quota int NOT NULL CHECK (quota BETWEEN 1 AND 4));
            CREATE TABLE thidua.test_nominations (id int PRIMARY KEY, unit_code text NOT NULL REFERENCES thidua.test_units (code));
            INSERT INTO thidua.test_units VALUES ('TUA_CHUA', 4);
            """)
    }

    private func serverError(_ query: PostgresQuery, on connection: PostgresConnection? = nil) async -> PostgresServerError? {
        do {
            try await (connection ?? self.connection).query(query)
            return nil
        } catch {
            return (error as? PostgresError)?.serverError
        }
    }

    @Test func duplicateKeyIsAUniqueViolationNamingTheConstraint() async throws {
        let error = try #require(await serverError("INSERT INTO thidua.test_units VALUES (\("TUA_CHUA"), 2)"))
        #expect(error.reason == .uniqueViolation)
        #expect(error.sqlState == "23505")
        #expect(error.constraint == "test_units_pkey")
        #expect(error.table == "test_units")
        #expect(error.schema == "thidua")
        #expect(error.detail?.contains("TUA_CHUA") == true)
    }

    @Test func aMissingParentIsAForeignKeyViolation() async throws {
        let error = try #require(await serverError("INSERT INTO thidua.test_nominations VALUES (1, \("NO_SUCH_UNIT"))"))
        #expect(error.reason == .foreignKeyViolation)
        #expect(error.constraint == "test_nominations_unit_code_fkey")
    }

    @Test func aFailingCheckIsACheckViolation() async throws {
        let error = try #require(await serverError("INSERT INTO thidua.test_units VALUES ('SIN_CHAI', \(5))"))
        #expect(error.reason == .checkViolation)
        #expect(error.constraint == "test_units_quota_check")
    }

    @Test func aMissingValueIsANotNullViolationNamingTheColumn() async throws {
        let error = try #require(await serverError("INSERT INTO thidua.test_units (code) VALUES ('TRUNG_THU')"))
        #expect(error.reason == .notNullViolation)
        #expect(error.column == "quota")
    }

    @Test func theApplicationRoleCannotChangeTheSchemaOrReadWhatIsNotGranted() async throws {
        let app = try await database.connect(user: ThiduaSchema.applicationRole)
        defer { app.close() }
        let ddl = try #require(await serverError("CREATE TABLE thidua.intruder (x int)", on: app))
        #expect(ddl.reason == .insufficientPrivilege)
        let read = try #require(await serverError("SELECT * FROM thidua.test_units", on: app))
        #expect(read.reason == .insufficientPrivilege)
        #expect(read.sqlState == "42501")
    }

    @Test func aSyntaxErrorKeepsItsMessageAndTheConnectionStaysUsable() async throws {
        let error = try #require(await serverError("SELEC 1"))
        #expect(error.reason == .other)
        #expect(error.sqlState == "42601")
        #expect(error.message.contains("SELEC"))
        #expect(try await connection.query("SELECT 2::int").first?.decode(Int.self, at: 0) == 2)
    }

    @Test func aFailedConnectionNamesItsTargetButNeverThePassword() async throws {
        do {
            _ = try await PostgresConnection.connect(to: "postgresql://thidua_app:s3cret-pass@127.0.0.1:1/thidua")
            Issue.record("connecting to port 1 should fail")
        } catch let error as PostgresError {
            guard case .connectionFailed(let target, _) = error else {
                Issue.record("expected connectionFailed, got \(error)")
                return
            }
            #expect(target.contains("127.0.0.1"))
            #expect(target.contains("port=1"))
            #expect(target.contains("database=thidua"))
            #expect(!"\(error)".contains("s3cret"))
        }
    }

    @Test func preparedStatementsAreReusedPerConnection() async throws {
        for quota in 1...3 {
            try await connection.query("SELECT \(quota)::int + 1")
        }
        let prepared = try await connection.query("SELECT count(*)::int FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1'")
        #expect(try prepared.first?.decode(Int.self, at: 0) == 1)
    }
}
