/// Everything that can go wrong between thidua and PostgreSQL.
public enum PostgresError: Error, Sendable, CustomStringConvertible {
    /// The server refused a statement; the server error says why (SQLSTATE, constraint, table…).
    case server(PostgresServerError)
    /// No connection could be made. `target` names host, port, database and user, never the password.
    case connectionFailed(target: String, message: String)
    /// An open connection broke (the server restarted or the network failed).
    case connectionLost(String)
    /// A value in a result could not become the Swift type asked for.
    case decoding(column: String, swiftType: String, postgresType: PostgresDataType, reason: PostgresCellError)
    /// A parameter could not be encoded (for example a `Decimal.nan`, or a JSON value that fails to encode).
    case encoding(String)
    /// Every connection of the pool stayed busy for the whole wait.
    case poolTimeout(waited: Duration, maximumConnections: Int)
    /// The pool was shut down.
    case poolClosed
    /// The server answered in a way this library does not expect.
    case protocolViolation(String)
    /// The connection was used in a way that would corrupt it (two tasks at once); refused, nothing was sent.
    case misuse(String)

    /// The server error, when there is one.
    public var serverError: PostgresServerError? {
        if case .server(let error) = self { return error }
        return nil
    }

    public var description: String {
        switch self {
        case .server(let error): error.description
        case .connectionFailed(let target, let message): "cannot connect to PostgreSQL at \(target): \(message)"
        case .connectionLost(let message): "the connection to PostgreSQL was lost: \(message)"
        case .decoding(let column, let swiftType, let postgresType, let reason):
            switch reason {
            case .typeMismatch: "column \"\(column)\" is \(postgresType), which does not decode as \(swiftType)"
            case .unexpectedNull: "column \"\(column)\" is NULL, but \(swiftType) is not optional"
            case .malformed(let why): "column \"\(column)\" (\(postgresType)) is not a valid \(swiftType): \(why)"
            }
        case .encoding(let message): "a parameter could not be encoded: \(message)"
        case .poolTimeout(let waited, let maximum):
            "all \(maximum) database connections stayed busy for \(waited); try again, or raise the pool size"
        case .poolClosed: "the database connection pool is shut down"
        case .protocolViolation(let message): "unexpected answer from PostgreSQL: \(message)"
        case .misuse(let message): "refused: \(message)"
        }
    }
}
