import Postgres

/// A form of commendation or an emulation title of the catalogue (`commendation_forms`, 0010): Giấy khen of the
/// district chairman, "Lao động tiên tiến", Bằng khen of the provincial chairman…
public struct CommendationForm: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case certificate
        case emulationTitle = "emulation_title"
        case order
        case medal
        case honoraryTitle = "honorary_title"
        case prize
        case commemorativeMedal = "commemorative_medal"
    }

    public var code: String
    public var name: String
    public var kind: Kind
    public var nomineeKinds: [NomineeKind]
    /// Working days of public notice the law requires before the commendation; `nil` where no rule was found.
    public var noticeWorkingDays: Int?

    static let columns: StaticString = "code, name, kind, nominee_kinds, notice_working_days"

    init(row: PostgresRow) throws {
        code = try row.decode(column: "code")
        name = try row.decode(column: "name")
        kind = try row.decodeEnum(column: "kind")
        nomineeKinds = try row.decode([String].self, column: "nominee_kinds").compactMap(NomineeKind.init(rawValue:))
        noticeWorkingDays = try row.decode(Int?.self, column: "notice_working_days")
    }
}
