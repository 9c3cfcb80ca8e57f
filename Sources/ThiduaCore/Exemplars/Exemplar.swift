import Foundation
import Postgres

/// A commended nominee taken up as a model (mô hình, điển hình tiên tiến), resting on one commendation record
/// and followed by a unit — usually the nominee's own — that evaluates, helps and propagates it over the years
/// (PLAN.md §6).
public struct Exemplar: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    /// The unit that follows it.
    public var unitID: UUID
    public var commendationRecordID: UUID
    public var nomineeID: UUID
    public var nomineeName: String
    public var nomineeUnitID: UUID
    public var title: String
    public var designatedOn: Date
    public var designatedBy: UUID

    static let columns: StaticString = """
        id, unit_id, commendation_record_id, nominee_id, nominee_name, nominee_unit_id, title, designated_on, designated_by
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        unitID = try row.decode(column: "unit_id")
        commendationRecordID = try row.decode(column: "commendation_record_id")
        nomineeID = try row.decode(column: "nominee_id")
        nomineeName = try row.decode(column: "nominee_name")
        nomineeUnitID = try row.decode(column: "nominee_unit_id")
        title = try row.decode(column: "title")
        designatedOn = try row.decode(column: "designated_on")
        designatedBy = try row.decode(column: "designated_by")
    }
}
