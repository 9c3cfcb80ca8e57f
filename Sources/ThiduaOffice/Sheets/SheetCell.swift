import Foundation

/// One cell of an exported list or report, typed so that Excel can count, sum and sort it: text, a whole number,
/// an amount in đồng, a total (a formula with the value it gives), or a moment (shown in Vietnam time, as
/// officials read the clock, never in UTC).
public enum SheetCell: Equatable, Sendable {
    case text(String)
    case number(Int)
    /// Money in đồng: a number cell shown with thousands separators (Excel puts the reader's own, the dot in Vietnam).
    case money(Int64)
    /// A formula such as `SUM(C5:C9)` and the value it gives, stored too, so that a reader that does not
    /// recalculate (and a CSV file) shows the same total.
    case formula(String, value: Int64)
    case moment(Date)
    /// Nothing, such as the moment a draft was sent.
    case empty

    /// Vietnam's clock, UTC+7 all year.
    public static let zone = TimeZone(secondsFromGMT: 7 * 3600)!

    /// How the cell reads in a CSV file, which has no types: numbers as digits (so a spreadsheet still reads
    /// them as numbers), moments as `04/12/2026 14:05`.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .money(let amount): String(amount)
        case .formula(_, let value): String(value)
        case .moment(let date): Self.shown(date)
        case .empty: ""
        }
    }

    /// The value of a number, an amount or a total; `nil` for anything else.
    public var value: Int64? {
        switch self {
        case .number(let number): Int64(number)
        case .money(let amount): amount
        case .formula(_, let value): value
        default: nil
        }
    }

    /// `date` as lists show it to officials: `04/12/2026 14:05`, Vietnam time.
    public static func shown(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// `date` as an Excel serial date-time of Vietnam's wall clock (days since 30/12/1899, the time of day as the
    /// fraction), to the minute the list shows: Excel stores no time zone, so the cell holds the local time itself.
    static func serial(_ date: Date) -> Double {
        let minutes = ((date.timeIntervalSince1970 + Double(zone.secondsFromGMT())) / 60).rounded(.down)
        return minutes / 1440 + 25569
    }
}
