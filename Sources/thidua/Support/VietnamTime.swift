import ArgumentParser
import Foundation

/// A moment as officials write and read it: Vietnam time (UTC+7, no daylight saving), `yyyy-MM-dd HH:mm`
/// (or `T` between), or ISO 8601 with an offset of its own; sent to the API as ISO 8601.
struct VietnamTime: ExpressibleByArgument, Sendable {
    static let zone = TimeZone(secondsFromGMT: 7 * 3600)!

    var date: Date

    init?(argument: String) {
        if let date = try? Date(argument, strategy: .iso8601) {
            self.date = date
            return
        }
        guard let match = argument.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.zone
        let parts = DateComponents(
            year: Int(match.1), month: Int(match.2), day: Int(match.3), hour: Int(match.4), minute: Int(match.5))
        guard parts.isValidDate(in: calendar), let date = calendar.date(from: parts) else { return nil }
        self.date = date
    }

    /// `date` as `yyyy-MM-dd HH:mm`, Vietnam time.
    static func text(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
