import Foundation
import ThiduaCore

/// The nominations list as officials read it in Excel or a CSV file: Vietnamese headers, the state and the
/// nominee's kind in the words the pages use (`NominationState.vietnamese`, `NomineeKind.vietnamese`, one copy),
/// the round, movement and unit by code and name rather than by id, counts as numbers and the moment it was sent
/// in Vietnam time. The nomination's own id comes last: it has no code, and scripts refer to it by it.
///
/// The one builder of the file: the CLI's `nominations export` fills it from the API's JSON, the list page's
/// "Tải Excel" from the repository, so both give the same rows.
public struct NominationSheet: Sendable {
    /// A nomination as the list API sends it: only the fields the sheet shows.
    public struct Row: Decodable, Sendable {
        public var id: UUID; public var roundID: UUID; public var movementID: UUID; public var unitID: UUID
        public var nomineeKind: String; public var nomineeName: String; public var title: String; public var achievements: String
        public var state: String; public var version: Int; public var returnCount: Int; public var submittedAt: Date?

        public init(_ nomination: Nomination) {
            id = nomination.id; roundID = nomination.roundID; movementID = nomination.movementID; unitID = nomination.unitID
            nomineeKind = nomination.nomineeKind.rawValue; nomineeName = nomination.nomineeName; title = nomination.title
            achievements = nomination.achievements; state = nomination.state.rawValue; version = nomination.version
            returnCount = nomination.returnCount; submittedAt = nomination.submittedAt
        }
    }

    /// A round, movement or unit as its list sends it.
    public struct Entry: Decodable, Sendable {
        public var id: UUID; public var code: String; public var name: String

        public init(id: UUID, code: String, name: String) {
            self.id = id; self.code = code; self.name = name
        }
    }

    public static let headers = [
        "STT", "Đợt xét", "Mã phong trào", "Phong trào", "Mã đơn vị", "Đơn vị", "Loại đối tượng", "Tên đối tượng",
        "Danh hiệu đề nghị", "Thành tích", "Trạng thái", "Phiên bản", "Số lần trả lại", "Thời điểm gửi", "Mã hồ sơ",
    ]

    var rounds: [UUID: Entry]
    var movements: [UUID: Entry]
    var units: [UUID: Entry]
    private var lines: [[SheetCell]] = [headers.map(SheetCell.text)]

    public init(rounds: [Entry], movements: [Entry], units: [Entry]) {
        func byID(_ entries: [Entry]) -> [UUID: Entry] { Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        self.rounds = byID(rounds)
        self.movements = byID(movements)
        self.units = byID(units)
    }

    /// Adds the next nomination of the list, numbered from 1.
    public mutating func append(_ row: Row) {
        lines.append(cells(row, number: lines.count))
    }

    /// The header and every row, as the file holds them.
    public var rows: [[SheetCell]] { lines }

    /// The cells of the `number`th nomination of the list (from 1). A record the user's lists do not show (which
    /// the API's own filtering should make impossible) keeps its id, so the row still says what it is.
    func cells(_ row: Row, number: Int) -> [SheetCell] {
        let round = rounds[row.roundID], movement = movements[row.movementID], unit = units[row.unitID]
        return [
            .number(number),
            .text(round?.code ?? Self.id(row.roundID)),
            .text(movement?.code ?? Self.id(row.movementID)),
            .text(movement?.name ?? ""),
            .text(unit?.code ?? Self.id(row.unitID)),
            .text(unit?.name ?? ""),
            .text(NomineeKind(rawValue: row.nomineeKind)?.vietnamese ?? row.nomineeKind),
            .text(row.nomineeName),
            .text(row.title),
            .text(row.achievements),
            .text(NominationState(rawValue: row.state)?.vietnamese ?? row.state),
            .number(row.version),
            .number(row.returnCount),
            row.submittedAt.map(SheetCell.moment) ?? .empty,
            .text(Self.id(row.id)),
        ]
    }

    /// The file: an Excel workbook (one sheet, the header row bold and frozen) or CSV.
    public func file(_ format: SheetFormat) throws -> Data {
        try ListFile(sheetName: "Hồ sơ đề nghị", rows: lines).data(format)
    }

    private static func id(_ id: UUID) -> String { id.uuidString.lowercased() }
}
