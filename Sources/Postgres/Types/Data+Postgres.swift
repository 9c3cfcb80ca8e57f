import Foundation

extension Data: PostgresArrayElement {
    public static var postgresType: PostgresDataType { .bytea }
    public static var postgresArrayType: PostgresDataType { .byteaArray }
    public func encode(into buffer: inout [UInt8]) { buffer.append(contentsOf: self) }
    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Data {
        Data(try cell.bytes(accepting: .bytea))
    }
}
