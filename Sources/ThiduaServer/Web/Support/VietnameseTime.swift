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

    static func moment(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute, .day, .month, .year], from: date)
        return String(format: "%d giờ %02d, ngày %02d/%02d/%04d", parts.hour!, parts.minute!, parts.day!, parts.month!, parts.year!)
    }
}
