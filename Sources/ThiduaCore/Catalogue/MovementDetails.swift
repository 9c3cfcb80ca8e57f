import Foundation
import Postgres

/// A movement as its page and `thidua movements show` present it: the movement itself, the units leading and
/// partnering it, and the minimums each round sets for it. Encodes flat — the movement's fields, then `units`
/// and `minimums` — so a client of `GET /movements/{id}` reads a movement with more, not a wrapper.
public struct MovementDetails: Sendable, Hashable, Encodable {
    /// A unit's part in the movement: `lead` (chủ trì) or `partner` (phối hợp).
    public struct UnitPart: Sendable, Hashable, Codable {
        public var unitID: UUID
        public var unitCode: String
        public var unitName: String
        public var part: String

        init(row: PostgresRow) throws {
            unitID = try row.decode(column: "unit_id")
            unitCode = try row.decode(column: "code")
            unitName = try row.decode(column: "name")
            part = try row.decode(column: "part")
        }
    }

    /// How many nominations of a kind (`any` for all kinds) a round requires for the movement: of the movement as
    /// a whole, or of each lead unit over its own nominations (`perLeadUnit`, the armed forces; 0028).
    public struct Minimum: Sendable, Hashable, Codable {
        public var roundID: UUID
        public var roundCode: String
        public var nomineeKind: String
        public var minimum: Int
        /// The most the plan asks for, reported and not refused; `nil` when it names only a minimum.
        public var maximum: Int?
        public var perLeadUnit: Bool

        init(row: PostgresRow) throws {
            roundID = try row.decode(column: "round_id")
            roundCode = try row.decode(column: "code")
            nomineeKind = try row.decode(column: "nominee_kind")
            minimum = try row.decode(column: "minimum")
            maximum = try row.decode(column: "maximum")
            perLeadUnit = try row.decode(column: "per_lead_unit")
        }
    }

    public var movement: Movement
    public var units: [UnitPart]
    public var minimums: [Minimum]

    private enum CodingKeys: String, CodingKey { case units, minimums }

    public func encode(to encoder: any Encoder) throws {
        try movement.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(units, forKey: .units)
        try container.encode(minimums, forKey: .minimums)
    }
}
