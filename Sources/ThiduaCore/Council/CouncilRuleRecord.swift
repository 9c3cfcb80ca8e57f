import Foundation
import Postgres

/// A council rule as stored (`council_rules`): national (from the law, `areaID` nil) or an area's own, with the
/// dates it applies. A session takes the rule the secretariat names, else its round's, else the default in force.
public struct CouncilRuleRecord: Sendable, Hashable, Codable {
    public var id: UUID
    /// `nil`: a national rule, from the law.
    public var areaID: String?
    public var code: String
    public var name: String
    public var rule: CouncilRule
    public var isDefault: Bool
    public var validFrom: Date
    public var validTo: Date?

    static let columns: StaticString = """
        id, area_id, code, name, quorum_numerator, quorum_denominator, threshold_numerator, threshold_denominator,
        strictly_more, base, ballot, tie_break, recused_excluded, written_votes_allowed, legal_basis, is_default,
        valid_from::timestamptz AS valid_from, valid_to::timestamptz AS valid_to
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        areaID = try row.decode(column: "area_id")
        code = try row.decode(column: "code")
        name = try row.decode(column: "name")
        rule = try CouncilRule(row: row)
        isDefault = try row.decode(column: "is_default")
        validFrom = try row.decode(column: "valid_from")
        validTo = try row.decode(column: "valid_to")
    }
}
