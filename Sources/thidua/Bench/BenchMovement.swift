import Foundation
import Postgres
import ThiduaCore

/// A movement's id with the checklist and figures a nomination for it answers.
struct BenchMovement: Sendable {
    let id: UUID
    let code: String
    let criteria: [Criterion]
    let indicators: [Indicator]

    /// The movements with these codes, in the order asked.
    static func load(codes: [String], database: BenchDatabase) async throws -> [BenchMovement] {
        try await database.asSuperuser { connection in
            var movements: [BenchMovement] = []
            for code in codes {
                let rows = try await connection.query(
                    "SELECT id, criteria, indicators FROM thidua.movements WHERE code = \(code)")
                guard let row = try rows.single() else { throw BenchFailure.missingCatalogue("movement \(code)") }
                movements.append(BenchMovement(
                    id: try row.decode(column: "id"), code: code,
                    criteria: try row.decode(PostgresJSON<[Criterion]>.self, column: "criteria").value,
                    indicators: try row.decode(PostgresJSON<[Indicator]>.self, column: "indicators").value))
            }
            return movements
        }
    }
}
