import Foundation
import ThiduaCore

/// The nominations list as officials read it in Excel or a CSV file: Vietnamese headers, the state and the
/// nominee's kind in the words the pages use (`NominationState.vietnamese`, `NomineeKind.vietnamese`, one copy),
/// the round, movement and unit by code and name rather than by id, counts as numbers and the moment it was sent
/// in Vietnam time. The nomination's own id comes last: it has no code, and scripts refer to it by it.
struct NominationSheet {
    /// A nomination as the list API sends it: only the fields the sheet shows.
    struct Row: Decodable {
        var id: UUID; var roundID: UUID; var movementID: UUID; var unitID: UUID; var nomineeKind: String
        var nomineeName: String; var title: String; var achievements: String; var state: String; var version: Int
        var returnCount: Int; var submittedAt: Date?
    }

    /// A round, movement or unit as its list sends it.
    struct Entry: Decodable {
        var id: UUID; var code: String; var name: String
    }

    static let headers = [
        "STT", "Đợt xét", "Mã phong trào", "Phong trào", "Mã đơn vị", "Đơn vị", "Loại đối tượng", "Tên đối tượng",
        "Danh hiệu đề nghị", "Thành tích", "Trạng thái", "Phiên bản", "Số lần trả lại", "Thời điểm gửi", "Mã hồ sơ",
    ]

    var rounds: [UUID: Entry]
    var movements: [UUID: Entry]
    var units: [UUID: Entry]

    init(rounds: [Entry], movements: [Entry], units: [Entry]) {
        func byID(_ entries: [Entry]) -> [UUID: Entry] { Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        self.rounds = byID(rounds)
        self.movements = byID(movements)
        self.units = byID(units)
    }

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

    private static func id(_ id: UUID) -> String { id.uuidString.lowercased() }
}
