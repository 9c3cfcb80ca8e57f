import Foundation
import Postgres

/// A nominee's standing for a higher title under a consecutive-year rule (``EligibilityRule``): the run of
/// years that qualifies. A flag, not a decision: the unit still nominates and the council still reviews.
public struct EligibilityFlag: Sendable, Hashable, Codable {
    public var nomineeID: UUID
    public var nomineeName: String
    public var unitID: UUID
    public var ruleID: UUID
    public var ruleCode: String
    /// The higher title the run qualifies for (a code of the catalogue), e.g. "chien-si-thi-dua-cap-tinh".
    public var targetForm: String
    /// The last `consecutiveYears` years of the run, oldest first.
    public var qualifyingYears: [Int]

    static let columns: StaticString = "nominee_id, nominee_name, unit_id, rule_id, rule_code, target_form_code, qualifying_years"

    init(row: PostgresRow) throws {
        nomineeID = try row.decode(column: "nominee_id")
        nomineeName = try row.decode(column: "nominee_name")
        unitID = try row.decode(column: "unit_id")
        ruleID = try row.decode(column: "rule_id")
        ruleCode = try row.decode(column: "rule_code")
        targetForm = try row.decode(column: "target_form_code")
        qualifyingYears = try row.decode([Int].self, column: "qualifying_years")
    }
}
