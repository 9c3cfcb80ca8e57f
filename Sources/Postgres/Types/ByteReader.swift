/// Reads big-endian integers and byte runs from a binary PostgreSQL value.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(PostgresCellError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw .malformed("value is shorter than its type") }
        var value: T = 0
        for i in 0..<size { value = (value << 8) | T(truncatingIfNeeded: bytes[offset + i]) }
        offset += size
        return value
    }

    mutating func readBytes(_ count: Int) throws(PostgresCellError) -> UnsafeRawBufferPointer {
        guard count >= 0, remaining >= count else { throw .malformed("value is shorter than its declared length") }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        offset += count
        return slice
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian<T: FixedWidthInteger>(_ value: T) {
        let size = MemoryLayout<T>.size
        for i in stride(from: size - 1, through: 0, by: -1) {
            append(UInt8(truncatingIfNeeded: value >> (i * 8)))
        }
    }
}

extension UnsafeRawBufferPointer {
    /// Reads a whole fixed-size big-endian integer value.
    func bigEndian<T: FixedWidthInteger>(_: T.Type) throws(PostgresCellError) -> T {
        guard count == MemoryLayout<T>.size else { throw .malformed("expected \(MemoryLayout<T>.size) bytes, got \(count)") }
        var reader = ByteReader(self)
        return try reader.read(T.self)
    }
}
