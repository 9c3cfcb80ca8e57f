import Hummingbird
import Postgres
import ThiduaSchema

/// `GET /health`: the process is up (200, touches nothing). `GET /ready`: it can reach its database and the
/// schema is the one this build expects.
///
/// `/ready` is 200 when the database answers and the schema is current; 503 with `Retry-After` otherwise, so a
/// load balancer or `systemd` check takes the instance out of service instead of sending it work.
struct HealthRoutes: Sendable {
    let pool: PostgresPool
    let expectedSchemaVersion: String?

    struct Health: ResponseEncodable {
        var status: String
        var database: String
        var schemaVersion: String?
        var expectedSchemaVersion: String?
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
        let version: String?
        do {
            version = try await pool.withConnection { try await ThiduaSchema.appliedVersion($0) }
        } catch {
            return unavailable(Health(
                status: "unavailable", database: "unreachable", schemaVersion: nil,
                expectedSchemaVersion: expectedSchemaVersion,
                message: "Không kết nối được cơ sở dữ liệu / The database cannot be reached"
            ))
        }
        if let expectedSchemaVersion, version != expectedSchemaVersion {
            return unavailable(Health(
                status: "unavailable", database: "reachable", schemaVersion: version,
                expectedSchemaVersion: expectedSchemaVersion,
                message: "Cơ sở dữ liệu chưa được cập nhật (thidua db migrate) / The schema is not current (run thidua db migrate)"
            ))
        }
        return EditedResponse(
            status: .ok,
            response: Health(status: "ok", database: "reachable", schemaVersion: version, expectedSchemaVersion: expectedSchemaVersion)
        )
    }

    private func unavailable(_ health: Health) -> EditedResponse<Health> {
        EditedResponse(status: .serviceUnavailable, headers: [.retryAfter: "5"], response: health)
    }
}
