/// One value as PostgreSQL sent it, in binary format, handed to a ``PostgresDecodable`` type.
///
/// The bytes belong to the result they came from and are valid only during the `decode` call.
public struct PostgresCell {
    /// The value's type as the server reported it.
    public let type: PostgresDataType
    /// `nil` is SQL `NULL`.
    public let bytes: UnsafeRawBufferPointer?

    public init(type: PostgresDataType, bytes: UnsafeRawBufferPointer?) {
        self.type = type
        self.bytes = bytes
    }

    /// The bytes of a value that must not be `NULL`, after checking its type is one the caller accepts.
    public func bytes(accepting types: PostgresDataType...) throws(PostgresCellError) -> UnsafeRawBufferPointer {
        guard types.contains(type) else { throw .typeMismatch }
        guard let bytes else { throw .unexpectedNull }
        return bytes
    }
}

/// Why a single value could not be decoded; ``PostgresRow`` turns it into a ``PostgresError`` naming the column.
public enum PostgresCellError: Error, Sendable, Equatable {
    case typeMismatch
    case unexpectedNull
    case malformed(String)
}
