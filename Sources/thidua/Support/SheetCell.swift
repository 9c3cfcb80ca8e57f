import Foundation

/// One cell of an exported list, typed so that Excel can count, sum and sort it: text, a whole number, or a
/// moment (shown in Vietnam time, as officials read the clock, never in UTC).
enum SheetCell: Equatable, Sendable {
    case text(String)
    case number(Int)
    case moment(Date)
    /// Nothing, such as the moment a draft was sent.
    case empty

    /// How the cell reads in a CSV file, which has no types: numbers as digits, moments as `04/12/2026 14:05`.
    var text: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .moment(let date): VietnamTime.shown(date)
        case .empty: ""
        }
    }

    /// `date` as an Excel serial date-time of Vietnam's wall clock (days since 30/12/1899, the time of day as the
    /// fraction), to the minute the list shows: Excel stores no time zone, so the cell holds the local time itself.
    static func serial(_ date: Date) -> Double {
        let minutes = ((date.timeIntervalSince1970 + Double(VietnamTime.zone.secondsFromGMT())) / 60).rounded(.down)
        return minutes / 1440 + 25569
    }
}
