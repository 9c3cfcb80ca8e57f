extension Bool: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .bool }
    public static var postgresArrayType: PostgresDataType { .boolArray }
    public func encode(into buffer: inout [UInt8]) { buffer.append(self ? 1 : 0) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Bool {
        let bytes = try cell.bytes(accepting: .bool)
        guard bytes.count == 1 else { throw .malformed("a boolean is one byte") }
        return bytes[0] != 0
    }
}
