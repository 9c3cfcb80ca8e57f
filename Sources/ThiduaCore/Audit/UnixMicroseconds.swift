import Postgres

/// A `timestamptz` as integer microseconds since 1970-01-01 00:00 UTC, exactly as PostgreSQL holds it (a
/// `Date` is a floating-point number of seconds, which is not the place to keep a value a hash covers).
struct UnixMicroseconds: PostgresDecodable, Sendable, Hashable {
    var value: Int64

    /// Microseconds from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
    static let postgresEpoch: Int64 = 946_684_800_000_000

    init(_ value: Int64) {
        self.value = value
    }

    static func decode(from cell: PostgresCell) throws(PostgresCellError) -> UnixMicroseconds {
        let bytes = try cell.bytes(accepting: .timestamptz)
        guard bytes.count == 8 else { throw .malformed("a timestamptz is 8 bytes") }
        let micros = Int64(bigEndian: bytes.loadUnaligned(as: Int64.self))
        guard micros != .max, micros != .min else { throw .malformed("an infinite timestamp has no place in the audit trail") }
        return UnixMicroseconds(micros + postgresEpoch)
    }
}
