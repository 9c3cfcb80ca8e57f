extension Double: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .float8 }
    public static var postgresArrayType: PostgresDataType { .float8Array }
    public func encode(into buffer: inout [UInt8]) { buffer.appendBigEndian(bitPattern) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Double {
        let bytes = try cell.bytes(accepting: .float8, .float4)
        if cell.type == .float4 { return Double(Float(bitPattern: try bytes.bigEndian(UInt32.self))) }
        return Double(bitPattern: try bytes.bigEndian(UInt64.self))
    }
}
