import Foundation
import Postgres

/// One recorded change of the area's units: the predecessor became (part of) the successor on a day, by a legal act.
public struct UnitSuccession: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var kind: SuccessionKind
    public var predecessorID: UUID
    public var successorID: UUID
    /// `yyyy-MM-dd`.
    public var effectiveOn: String
    public var legalBasis: String

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        kind = try row.decodeEnum(column: "kind")
        predecessorID = try row.decode(column: "predecessor_id")
        successorID = try row.decode(column: "successor_id")
        effectiveOn = try row.decode(column: "effective_on")
        legalBasis = try row.decode(column: "legal_basis")
    }
}
