import Foundation
import ThiduaCore

/// The decisions list as a file: number and symbol (none before signing), kind, subject, day, signing moment in
/// Vietnam time, how many stand in it, state, all in the words the list page uses, the id last for scripts.
public enum DecisionSheet {
    public static let headers = [
        "STT", "Số, ký hiệu", "Loại văn bản", "Trích yếu", "Cơ quan ban hành", "Ngày", "Thời điểm ký", "Số được khen", "Trạng thái", "Mã quyết định",
    ]

    public static func file(_ decisions: [DecisionSummary], format: SheetFormat) throws -> Data {
        let rows = [headers.map(SheetCell.text)] + decisions.enumerated().map { index, decision in
            [
                .number(index + 1), decision.symbol.map(SheetCell.text) ?? .text("Chưa có số"), .text(decision.kind.vietnamese),
                .text(decision.subject), .text(decision.seriesName), .text(day(decision.decidedOn)),
                decision.signedAt.map(SheetCell.moment) ?? .empty, .number(decision.itemCount),
                .text(stateWords(decision.state)), .text(decision.id.uuidString.lowercased()),
            ]
        }
        return try ListFile(sheetName: "Quyết định khen thưởng", rows: rows).data(format)
    }

    /// A decision's state as the list and its file say it: a draft is what waits for the chairman's signature.
    public static func stateWords(_ state: DecisionState) -> String {
        state == .draft ? "Dự thảo, chờ ký" : state.vietnamese
    }

    /// A `date` column (midnight UTC) as "20/12/2024".
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%02d/%02d/%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }
}
