import Foundation

/// Moments and days as Vietnamese officials write them, in Vietnam's time (UTC+7 all year).
///
/// ```swift
/// VietnameseTime.moment(date)   // "16 giờ 30, ngày 12/11/2021"
/// VietnameseTime.day(date)      // "12/11/2021"
/// ```
enum VietnameseTime {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar
    }()

    static func moment(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .day, .month, .year], from: date)
        return String(format: "%d giờ %02d, ngày %02d/%02d/%04d", parts.hour!, parts.minute!, parts.day!, parts.month!, parts.year!)
    }

    /// A calendar day. `date` columns read back as midnight UTC, so a day is read in UTC, a moment in Vietnam's time.
    static func day(_ date: Date, isCalendarDay: Bool = false) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = (isCalendarDay ? utc : calendar).dateComponents([.day, .month, .year], from: date)
        return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
    }

    /// "còn 3 ngày", "còn 5 giờ", "đã quá hạn 2 ngày": how far a deadline is from `now`.
    static func countdown(to deadline: Date, now: Date = Date()) -> String {
        let seconds = deadline.timeIntervalSince(now)
        let days = Int((abs(seconds) / 86_400).rounded(.down)), hours = Int((abs(seconds) / 3_600).rounded(.down))
        let span = days >= 1 ? "\(days) ngày" : hours >= 1 ? "\(hours) giờ" : "dưới 1 giờ"
        return seconds >= 0 ? "còn \(span)" : "đã quá hạn \(span)"
    }
}
