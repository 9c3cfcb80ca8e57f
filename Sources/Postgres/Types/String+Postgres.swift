/// Text is sent and received as UTF-8 bytes, unchanged: normalising it (to NFC) is the caller's decision.
extension String: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .text }
    public static var postgresArrayType: PostgresDataType { .textArray }
    public func encode(into buffer: inout [UInt8]) { buffer.append(contentsOf: utf8) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> String {
        let bytes = try cell.bytes(accepting: .text, .varchar, .bpchar, .name, .unknown, .char)
        return String(decoding: bytes, as: UTF8.self)
    }
}
