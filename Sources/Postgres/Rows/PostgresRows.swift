/// The rows a statement returned, read in full, with the number of rows a command affected.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: PostgresResult?

    init(result: PostgresResult?) { self.result = result }

    /// The column names, in order.
    public var columns: [String] { result?.columns ?? [] }
    /// Rows touched by `INSERT`, `UPDATE`, `DELETE`, `COPY`…
    public var affectedRows: Int { result?.affectedRows ?? 0 }

    public var startIndex: Int { 0 }
    public var endIndex: Int { result?.rowCount ?? 0 }
    public subscript(position: Int) -> PostgresRow {
        precondition(position >= startIndex && position < endIndex, "row index out of range")
        return PostgresRow(result: result!, index: position)
    }

    /// The only row, or `nil` when there is none; more than one row is an error (the query was meant to find one).
    public func single() throws -> PostgresRow? {
        guard count <= 1 else { throw PostgresError.protocolViolation("expected at most one row, got \(count)") }
        return first
    }
}
