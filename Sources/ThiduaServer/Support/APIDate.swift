import Foundation

/// How the API reads a date: ISO 8601 with a time (`2021-12-20T08:30:00+07:00`, fractions of a second allowed)
/// or a calendar day alone (`2021-12-20`), taken as that day's midnight UTC — the form the API writes days in.
/// Officials and integrators write a decision's or a notice's day as a day; they should not have to invent a time.
///
/// Stricter than Foundation's parser, which rolls 2021-02-30 over into March and 25:00 into the next day: a day
/// or a clock time that does not exist is a mistake to report, not to correct.
enum APIDate {
    static func parse(_ text: String) -> Date? {
        guard let day = text.prefixMatch(of: /\d{4}-\d{2}-\d{2}/).map({ String($0.output) }),
              let midnight = try? Date(day + "T00:00:00Z", strategy: .iso8601),
              midnight.formatted(.iso8601.year().month().day()) == day else { return nil }
        if text == day { return midnight }
        guard text.prefixMatch(of: /\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d/) != nil else { return nil }
        return (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
}
