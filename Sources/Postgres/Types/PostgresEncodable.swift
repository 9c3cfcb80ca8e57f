/// A Swift value that can be sent to PostgreSQL as a query parameter, in binary format.
public protocol PostgresEncodable: Sendable {
    /// The PostgreSQL type the parameter is declared as.
    static var postgresType: PostgresDataType { get }
    /// Appends the value's binary representation. Not called when ``isNull`` is true.
    func encode(into buffer: inout [UInt8]) throws
    /// True for a value that is sent as SQL `NULL` (an empty optional).
    var isNull: Bool { get }
}

extension PostgresEncodable {
    public var isNull: Bool { false }
}

/// A Swift value that can be built from a PostgreSQL value sent in binary format.
public protocol PostgresDecodable {
    static func decode(from cell: PostgresCell) throws(PostgresCellError) -> Self
}

public typealias PostgresCodable = PostgresEncodable & PostgresDecodable

/// A type that can be an element of a one-dimensional PostgreSQL array.
public protocol PostgresArrayElement: PostgresCodable {
    static var postgresArrayType: PostgresDataType { get }
}
