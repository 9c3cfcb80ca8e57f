extension Int64: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .int8 }
    public static var postgresArrayType: PostgresDataType { .int8Array }
    public func encode(into buffer: inout [UInt8]) { buffer.appendBigEndian(self) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Int64 {
        let bytes = try cell.bytes(accepting: .int8, .int4, .int2, .oid)
        switch cell.type {
        case .int2: return Int64(try bytes.bigEndian(Int16.self))
        case .int4: return Int64(try bytes.bigEndian(Int32.self))
        case .oid: return Int64(try bytes.bigEndian(UInt32.self))
        default: return try bytes.bigEndian(Int64.self)
        }
    }
}

extension Int: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .int8 }
    public static var postgresArrayType: PostgresDataType { .int8Array }
    public func encode(into buffer: inout [UInt8]) { buffer.appendBigEndian(Int64(self)) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Int {
        Int(try Int64.decode(from: cell))
    }
}

extension Int32: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .int4 }
    public static var postgresArrayType: PostgresDataType { .int4Array }
    public func encode(into buffer: inout [UInt8]) { buffer.appendBigEndian(self) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Int32 {
        let bytes = try cell.bytes(accepting: .int4, .int2)
        return cell.type == .int2 ? Int32(try bytes.bigEndian(Int16.self)) : try bytes.bigEndian(Int32.self)
    }
}

extension Int16: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .int2 }
    public static var postgresArrayType: PostgresDataType { .int2Array }
    public func encode(into buffer: inout [UInt8]) { buffer.appendBigEndian(self) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Int16 {
        try cell.bytes(accepting: .int2).bigEndian(Int16.self)
    }
}
