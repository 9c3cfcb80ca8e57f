/// One-dimensional arrays, lower bound 1, with or without `NULL` elements (`[T?]`).
extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public static var postgresType: PostgresDataType { Element.postgresArrayType }

    public func encode(into buffer: inout [UInt8]) throws {
        buffer.appendBigEndian(Int32(isEmpty ? 0 : 1))
        buffer.appendBigEndian(Int32(contains(where: \.isNull) ? 1 : 0))
        buffer.appendBigEndian(Element.postgresType.rawValue)
        if !isEmpty {
            buffer.appendBigEndian(Int32(count))
            buffer.appendBigEndian(Int32(1))
        }
        for element in self {
            if element.isNull {
                buffer.appendBigEndian(Int32(-1))
                continue
            }
            let lengthAt = buffer.count
            buffer.appendBigEndian(Int32(0))
            try element.encode(into: &buffer)
            let length = Int32(buffer.count - lengthAt - 4)
            var lengthBytes: [UInt8] = []
            lengthBytes.appendBigEndian(length)
            buffer.replaceSubrange(lengthAt..<(lengthAt + 4), with: lengthBytes)
        }
    }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> [Element] {
        guard PostgresDataType.knownArrayTypes.contains(cell.type) else { throw .typeMismatch }
        guard let bytes = cell.bytes else { throw .unexpectedNull }
        var reader = ByteReader(bytes)
        let dimensions = try reader.read(Int32.self)
        _ = try reader.read(Int32.self)
        let elementType = PostgresDataType(try reader.read(UInt32.self))
        guard dimensions > 0 else { return [] }
        guard dimensions == 1 else { throw .malformed("only one-dimensional arrays decode into a Swift array") }
        let count = Int(try reader.read(Int32.self))
        _ = try reader.read(Int32.self)
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            let length = Int(try reader.read(Int32.self))
            let element = length < 0 ? nil : try reader.readBytes(length)
            elements.append(try Element.decode(from: PostgresCell(type: elementType, bytes: element)))
        }
        return elements
    }
}

extension PostgresDataType {
    static let knownArrayTypes: Set<PostgresDataType> = [
        .boolArray, .byteaArray, .int2Array, .int4Array, .textArray, .varcharArray, .int8Array, .float4Array,
        .float8Array, .timestampArray, .dateArray, .timestamptzArray, .numericArray, .uuidArray, .jsonArray, .jsonbArray,
        PostgresDataType(1003), PostgresDataType(1014), PostgresDataType(1028),
    ]
}
