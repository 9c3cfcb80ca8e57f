import Foundation
import Postgres

/// Another unit adopting an exemplar (nhân rộng): which, when, with what result.
public struct Replication: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var exemplarID: UUID
    public var adoptingUnitID: UUID
    public var adoptedOn: Date
    public var result: String
    public var recordedBy: UUID

    static let columns: StaticString = "id, exemplar_id, adopting_unit_id, adopted_on, result, recorded_by"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        exemplarID = try row.decode(column: "exemplar_id")
        adoptingUnitID = try row.decode(column: "adopting_unit_id")
        adoptedOn = try row.decode(column: "adopted_on")
        result = try row.decode(column: "result")
        recordedBy = try row.decode(column: "recorded_by")
    }
}
