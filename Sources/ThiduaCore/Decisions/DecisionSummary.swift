import Foundation
import Postgres

/// One line of the list of decisions: its number (once signed), date, subject, state and how many it commends.
public struct DecisionSummary: Sendable, Hashable, Codable {
    public var id: UUID
    public var kind: DecisionKind
    /// "2/QĐ-UBND" once signed; nil for a draft.
    public var symbol: String?
    /// The issuing body of its series ("Ủy ban nhân dân huyện Tủa Chùa").
    public var issuingBody: String
    public var decidedOn: Date
    public var subject: String
    public var state: DecisionState
    public var itemCount: Int
    public var signedAt: Date?
    public var version: Int

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        kind = try row.decodeEnum(column: "kind")
        let number: Int? = try row.decode(column: "number")
        let suffix: String = try row.decode(column: "suffix")
        symbol = number.map { "\($0)/\(suffix)" }
        issuingBody = try row.decode(column: "issuing_body")
        decidedOn = try row.decode(column: "decided_on")
        subject = try row.decode(column: "subject")
        state = try row.decodeEnum(column: "state")
        itemCount = try row.decode(column: "item_count")
        signedAt = try row.decode(column: "signed_at")
        version = try row.decode(column: "version")
    }
}
