import Foundation
import Postgres

/// One activity spreading an exemplar: an exchange, a study visit, a report of experience, a media piece.
public struct PropagationActivity: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var exemplarID: UUID
    public var kind: PropagationKind
    public var heldOn: Date
    public var audience: String?
    public var note: String?
    public var recordedBy: UUID

    static let columns: StaticString = "id, exemplar_id, kind, held_on, audience, note, recorded_by"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        exemplarID = try row.decode(column: "exemplar_id")
        kind = try row.decodeEnum(column: "kind")
        heldOn = try row.decode(column: "held_on")
        audience = try row.decode(String?.self, column: "audience")
        note = try row.decode(String?.self, column: "note")
        recordedBy = try row.decode(column: "recorded_by")
    }
}
