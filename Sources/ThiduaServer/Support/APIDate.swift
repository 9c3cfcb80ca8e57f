import Foundation

/// How the API reads a date: ISO 8601 with a time (`2021-12-20T08:30:00+07:00`, fractions of a second allowed)
/// or a calendar day alone (`2021-12-20`), taken as that day's midnight UTC — the form the API writes days in.
/// Officials and integrators write a decision's or a notice's day as a day; they should not have to invent a time.
enum APIDate {
    static func parse(_ text: String) -> Date? {
        if text.utf8.count == 10, text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil {
            return try? Date(text + "T00:00:00Z", strategy: .iso8601)
        }
        return (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
}
