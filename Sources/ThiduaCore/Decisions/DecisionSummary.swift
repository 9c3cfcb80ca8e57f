import Foundation
import Postgres

/// A decision as a list shows it: its number once signed, its subject, state and how many stand in it.
public struct DecisionSummary: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var kind: DecisionKind
    public var state: DecisionState
    public var seriesName: String
    public var suffix: String
    public var decidedOn: Date
    public var subject: String
    public var number: Int?
    public var signedAt: Date?
    /// The items that stand in it (removed ones not counted).
    public var itemCount: Int

    /// "12/QĐ-UBND" once signed.
    public var symbol: String? { number.map { "\($0)/\(suffix)" } }

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        kind = try row.decodeEnum(column: "kind")
        state = try row.decodeEnum(column: "state")
        seriesName = try row.decode(column: "issuing_body")
        suffix = try row.decode(column: "suffix")
        decidedOn = try row.decode(column: "decided_on")
        subject = try row.decode(column: "subject")
        number = try row.decode(column: "number")
        signedAt = try row.decode(column: "signed_at")
        itemCount = try row.decode(column: "item_count")
    }
}
