import Hummingbird
import Postgres
import ThiduaSchema

/// `GET /health`: the process is up (200, touches nothing). `GET /ready`: it can reach its database and the
/// schema is the one this build expects.
///
/// `/ready` is 200 when the database answers and has applied exactly the migrations of this build — the same
/// versions with the same checksums, so a database migrated by a build whose files differ is not taken for
/// current because its number matches; 503 with `Retry-After` otherwise, so a load balancer or `systemd` check
/// takes the instance out of service instead of sending it work.
struct HealthRoutes: Sendable {
    let pool: PostgresPool
    let expectedMigrations: [Migrator.AppliedMigration]?

    struct Health: ResponseEncodable {
        var status: String
        var database: String
        var schemaVersion: String?
        var expectedSchemaVersion: String?
        /// The migration files this build and the database disagree on: missing, extra or with another checksum.
        var differingMigrations: [String]?
        var message: String?
    }

    struct Alive: ResponseEncodable {
        var status = "ok"
    }

    func add(to router: Router<some RequestContext>) {
        router.get("/health") { _, _ in Alive() }
        router.get("/ready") { _, _ in try await check() }
    }

    func check() async throws -> EditedResponse<Health> {
        let expectedVersion = expectedMigrations?.last?.version
        let applied: [Migrator.AppliedMigration]
        do {
            applied = try await pool.withConnection { try await ThiduaSchema.appliedMigrations($0) }
        } catch {
            return unavailable(Health(
                status: "unavailable", database: "unreachable", schemaVersion: nil, expectedSchemaVersion: expectedVersion,
                message: "Không kết nối được cơ sở dữ liệu / The database cannot be reached"
            ))
        }
        let version = applied.last?.version
        if let expectedMigrations, applied != expectedMigrations {
            let differing = Self.differences(applied: applied, expected: expectedMigrations)
            // Behind: what the database applied is where this build's list begins, and only later files are missing.
            let behind = Array(expectedMigrations.prefix(applied.count)) == applied
            return unavailable(Health(
                status: "unavailable", database: "reachable", schemaVersion: version, expectedSchemaVersion: expectedVersion,
                differingMigrations: differing,
                message: behind
                    ? "Cơ sở dữ liệu chưa được cập nhật (thidua db migrate) / The schema is not current (run thidua db migrate)"
                    : "Lược đồ cơ sở dữ liệu khác với bản này (tệp migration đã bị sửa hoặc lạ) / The database's migrations differ from this build's (a file was edited or is unknown)"
            ))
        }
        return EditedResponse(
            status: .ok,
            response: Health(status: "ok", database: "reachable", schemaVersion: version, expectedSchemaVersion: expectedVersion)
        )
    }

    /// File names present on one side only, or on both with different checksums, in version order.
    static func differences(applied: [Migrator.AppliedMigration], expected: [Migrator.AppliedMigration]) -> [String] {
        Set(Set(applied).symmetricDifference(expected).map(\.fileName)).sorted()
    }

    private func unavailable(_ health: Health) -> EditedResponse<Health> {
        EditedResponse(status: .serviceUnavailable, headers: [.retryAfter: "5"], response: health)
    }
}
