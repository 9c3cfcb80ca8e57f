import Foundation
import Postgres

/// An emulation movement or field (phong trào, lĩnh vực) with its checklist and its figures.
public struct Movement: Sendable, Hashable, Codable {
    public var id: UUID
    public var code: String
    public var name: String
    public var field: String
    public var criteriaSection: String
    public var nomineeKinds: [NomineeKind]
    public var criteria: [Criterion]
    public var indicators: [Indicator]
    public var active: Bool
    /// The classifications of report 0601.N (Thông tư 02/2023/TT-BNV).
    public var initiatingLevel: InitiatingLevel
    public var scope: MovementScope
    public var duration: MovementDuration
    public var method: MovementMethod
    /// The first year it runs in the area; `endsYear`, the last, for a fixed-term movement.
    public var startsYear: Int
    public var endsYear: Int?

    static let columns: StaticString = """
        id, code, name, field, criteria_section, nominee_kinds, criteria, indicators, active,
        initiating_level, scope, duration, method, starts_year, ends_year
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        code = try row.decode(column: "code")
        name = try row.decode(column: "name")
        field = try row.decode(column: "field")
        criteriaSection = try row.decode(column: "criteria_section")
        nomineeKinds = try row.decode([String].self, column: "nominee_kinds").compactMap(NomineeKind.init(rawValue:))
        criteria = try row.decode(PostgresJSON<[Criterion]>.self, column: "criteria").value
        indicators = try row.decode(PostgresJSON<[Indicator]>.self, column: "indicators").value
        active = try row.decode(column: "active")
        initiatingLevel = try row.decodeEnum(column: "initiating_level")
        scope = try row.decodeEnum(column: "scope")
        duration = try row.decodeEnum(column: "duration")
        method = try row.decodeEnum(column: "method")
        startsYear = try row.decode(column: "starts_year")
        endsYear = try row.decode(column: "ends_year")
    }
}

/// One item of a movement's checklist (tiêu chí).
public struct Criterion: Sendable, Hashable, Codable {
    public var code: String
    public var text: String

    public init(code: String, text: String) {
        self.code = code
        self.text = text
    }
}

/// A figure a nomination reports as a number, such as revenue by year; `rule: "rising"` means each year
/// must exceed the one before (PLAN.md §5, 2.2.1).
public struct Indicator: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var unit: String
    public var perYear: Bool
    public var rule: String?
}
