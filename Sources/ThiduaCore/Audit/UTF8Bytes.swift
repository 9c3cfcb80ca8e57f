import Postgres

/// A `text` value's bytes, unchecked.
struct UTF8Bytes: PostgresDecodable {
    var bytes: [UInt8]

    static func decode(from cell: PostgresCell) throws(PostgresCellError) -> UTF8Bytes {
        UTF8Bytes(bytes: Array(try cell.bytes(accepting: .text)))
    }
}
