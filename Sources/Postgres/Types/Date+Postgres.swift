import Foundation

/// `timestamptz` and `timestamp` travel as microseconds since 2000-01-01 00:00 UTC, `date` as days since then.
/// A `Date` parameter is sent as `timestamptz`; PostgreSQL casts it to `date` where a column needs one
/// (the session time zone decides the day, and thidua's connections run in UTC).
extension Date: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .timestamptz }
    public static var postgresArrayType: PostgresDataType { .timestamptzArray }

    /// Seconds from 2000-01-01 (PostgreSQL's epoch) to 2001-01-01 (Foundation's reference date).
    static let postgresEpochOffset: Int64 = 978_307_200 - 946_684_800

    public func encode(into buffer: inout [UInt8]) {
        let seconds = timeIntervalSinceReferenceDate
        let whole = seconds.rounded(.down)
        var micros = Int64(((seconds - whole) * 1_000_000).rounded())
        var wholeSeconds = Int64(whole) + Self.postgresEpochOffset
        if micros == 1_000_000 { wholeSeconds += 1; micros = 0 }
        buffer.appendBigEndian(wholeSeconds * 1_000_000 + micros)
    }

    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Date {
        let bytes = try cell.bytes(accepting: .timestamptz, .timestamp, .date)
        if cell.type == .date {
            let days = try bytes.bigEndian(Int32.self)
            guard days != Int32.max, days != Int32.min else { throw .malformed("an infinite date has no Date value") }
            return Date(timeIntervalSinceReferenceDate: Double(Int64(days) * 86_400 - postgresEpochOffset))
        }
        let micros = try bytes.bigEndian(Int64.self)
        guard micros != Int64.max, micros != Int64.min else { throw .malformed("an infinite timestamp has no Date value") }
        let (seconds, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        let floorSeconds = fraction < 0 ? seconds - 1 : seconds
        let floorFraction = fraction < 0 ? fraction + 1_000_000 : fraction
        return Date(timeIntervalSinceReferenceDate: Double(floorSeconds - postgresEpochOffset) + Double(floorFraction) / 1_000_000)
    }
}
