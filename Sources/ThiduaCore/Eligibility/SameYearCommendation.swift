import Foundation
import Postgres

/// A warning while drafting (not a refusal): an item's nominee already holds a standing commendation for the
/// same year from another decision. The decisions refuse a second commendation of the same achievement
/// (nominee × round × movement); this shows the secretariat the same person commended twice in one year for
/// different achievements, so that it is done knowingly.
public struct SameYearCommendation: Sendable, Hashable, Codable {
    /// The draft's item.
    public var itemID: UUID
    public var nomineeID: UUID
    public var nomineeName: String
    public var year: Int
    /// The other commendation.
    public var recordID: UUID
    public var decisionID: UUID
    public var reference: String
    public var form: String
    public var type: CommendationType

    init(row: PostgresRow) throws {
        itemID = try row.decode(column: "item_id")
        nomineeID = try row.decode(column: "nominee_id")
        nomineeName = try row.decode(column: "nominee_name")
        year = try row.decode(column: "year")
        recordID = try row.decode(column: "record_id")
        decisionID = try row.decode(column: "decision_id")
        reference = try row.decode(column: "reference")
        form = try row.decode(column: "form_code")
        type = try row.decodeEnum(column: "type_code")
    }
}
