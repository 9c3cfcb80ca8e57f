/// An error reported by the PostgreSQL server, with every field libpq gives.
public struct PostgresServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The five-character SQLSTATE, for example `23505`.
    public var sqlState: String
    public var severity: String
    public var message: String
    public var detail: String?
    public var hint: String?
    public var schema: String?
    public var table: String?
    public var column: String?
    public var constraint: String?

    public init(
        sqlState: String, severity: String = "ERROR", message: String, detail: String? = nil, hint: String? = nil,
        schema: String? = nil, table: String? = nil, column: String? = nil, constraint: String? = nil
    ) {
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.schema = schema
        self.table = table
        self.column = column
        self.constraint = constraint
    }

    /// The SQLSTATEs the application reacts to; everything else is ``Reason/other``.
    public enum Reason: Sendable, Equatable {
        case uniqueViolation
        case foreignKeyViolation
        case checkViolation
        case notNullViolation
        case exclusionViolation
        case serializationFailure
        case deadlockDetected
        case insufficientPrivilege
        case queryCanceled
        case other
    }

    public var reason: Reason {
        switch sqlState {
        case "23505": .uniqueViolation
        case "23503": .foreignKeyViolation
        case "23514": .checkViolation
        case "23502": .notNullViolation
        case "23P01": .exclusionViolation
        case "40001": .serializationFailure
        case "40P01": .deadlockDetected
        case "42501": .insufficientPrivilege
        case "57014": .queryCanceled
        default: .other
        }
    }

    /// Serialization failures and deadlocks are resolved by running the whole transaction again.
    public var isTransient: Bool { reason == .serializationFailure || reason == .deadlockDetected }

    public var description: String {
        var text = "\(severity) \(sqlState): \(message)"
        if let detail { text += " — \(detail)" }
        if let constraint { text += " (constraint \(constraint))" }
        return text
    }
}
