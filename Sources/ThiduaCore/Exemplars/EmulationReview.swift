import Foundation
import Postgres

/// A review or congress that exemplars are selected for: in the default plan `so-ket-2023` (11/6/2023),
/// `tong-ket-2025`, `dai-hoi-huyen-iii`, `dai-hoi-tinh-vi` and `dai-hoi-toan-quoc-xi` (seed/). `heldOn` is nil
/// where the plan gives only the year.
public struct EmulationReview: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var code: String
    public var kind: ReviewKind
    /// commune, district, province or national.
    public var level: String
    public var name: String
    public var year: Int
    public var heldOn: Date?
    public var basis: String

    static let columns: StaticString = "id, code, kind, level, name, year, held_on, basis"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        code = try row.decode(column: "code")
        kind = try row.decodeEnum(column: "kind")
        level = try row.decode(column: "level")
        name = try row.decode(column: "name")
        year = try row.decode(column: "year")
        heldOn = try row.decode(Date?.self, column: "held_on")
        basis = try row.decode(column: "basis")
    }
}
