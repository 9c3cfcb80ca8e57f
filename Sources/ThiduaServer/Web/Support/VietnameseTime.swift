import Foundation

/// Moments as Vietnamese officials write them, in Vietnam's time (UTC+7 all year).
///
/// ```swift
/// VietnameseTime.moment(date)   // "16 giờ 30, ngày 12/11/2021"
/// ```
enum VietnameseTime {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar
    }()

    /// A calendar day (a `date` column, which reads back as midnight UTC): "20/12/2024".
    static func day(_ date: Date) -> String {
        let parts = utc.dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
    }

    /// Today in Vietnam as a `date` column holds it (midnight UTC), for a form's default day.
    static func today(_ now: Date = Date()) -> Date {
        let parts = calendar.dateComponents([.day, .month, .year], from: now)
        return utc.date(from: parts)!
    }

    /// "2024-12-20", what an `<input type="date">` reads and sends.
    static func isoDay(_ date: Date) -> String {
        let parts = utc.dateComponents([.day, .month, .year], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The day an `<input type="date">` sent ("2024-12-20"), as a `date` column holds it.
    static func parseDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: utc), let day = utc.date(from: components) else { return nil }
        return day
    }

    /// "2022-11-12T23:59", what an `<input type="datetime-local">` shows for a moment, in Vietnam's time.
    static func isoMoment(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// The moment an `<input type="datetime-local">` sent ("2024-11-20T17:00"), read as Vietnam's time.
    static func parseMoment(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2})?/) else { return nil }
        let components = DateComponents(year: Int(match.1), month: Int(match.2), day: Int(match.3), hour: Int(match.4), minute: Int(match.5))
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func moment(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .day, .month, .year], from: date)
        return String(format: "%d giờ %02d, ngày %02d/%02d/%04d", parts.hour!, parts.minute!, parts.day!, parts.month!, parts.year!)
    }
}
