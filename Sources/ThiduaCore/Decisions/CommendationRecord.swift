import Foundation
import Postgres

/// What a nominee holds: made by a signed decision's item (or a granted proposal item), revoked by a revocation
/// that names its decision, never deleted. `year` is the year the achievement is for (the round's).
public struct CommendationRecord: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var nomineeID: UUID
    public var nomineeName: String
    public var decisionID: UUID
    public var decisionItemID: UUID
    public var year: Int
    public var form: String
    public var type: CommendationType
    public var conferredBy: AuthorityLevel
    public var conferredOn: Date
    /// "12/QĐ-UBND", or the higher level's decision for a granted proposal.
    public var reference: String
    public var amount: Int64?
    public var revokedAt: Date?
    public var revokedBy: UUID?

    public var isRevoked: Bool { revokedAt != nil }

    static let columns: StaticString = """
        id, nominee_id, nominee_name, decision_id, decision_item_id, year, form_code, type_code, conferred_by, conferred_on,
        reference, amount, revoked_at, revoked_by_decision_id
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        nomineeID = try row.decode(column: "nominee_id")
        nomineeName = try row.decode(column: "nominee_name")
        decisionID = try row.decode(column: "decision_id")
        decisionItemID = try row.decode(column: "decision_item_id")
        year = try row.decode(column: "year")
        form = try row.decode(column: "form_code")
        type = try row.decodeEnum(column: "type_code")
        conferredBy = try row.decodeEnum(column: "conferred_by")
        conferredOn = try row.decode(column: "conferred_on")
        reference = try row.decode(column: "reference")
        amount = try row.decode(Int64?.self, column: "amount")
        revokedAt = try row.decode(Date?.self, column: "revoked_at")
        revokedBy = try row.decode(UUID?.self, column: "revoked_by_decision_id")
    }
}
