/// One row of a result. Decode a column by name or position, or all columns at once as a tuple:
///
/// ```swift
/// let name = try row.decode(String.self, column: "name")
/// let (id, name, since) = try row.decode((UUID, String, Date?).self)
/// ```
public struct PostgresRow: Sendable {
    let result: PostgresResult
    let index: Int

    public var columns: [String] { result.columns }

    public func decode<T: PostgresDecodable>(_: T.Type = T.self, at column: Int) throws -> T {
        guard column >= 0 && column < result.columns.count else {
            throw PostgresError.protocolViolation("column \(column) does not exist; the row has \(result.columns.count)")
        }
        let cell = result.cell(row: index, column: column)
        do {
            return try T.decode(from: cell)
        } catch {
            throw PostgresError.decoding(
                column: result.columns[column], swiftType: String(describing: T.self), postgresType: cell.type,
                reason: error
            )
        }
    }

    public func decode<T: PostgresDecodable>(_: T.Type = T.self, column name: String) throws -> T {
        guard let column = result.columns.firstIndex(of: name) else {
            throw PostgresError.protocolViolation("the result has no column \"\(name)\"")
        }
        return try decode(T.self, at: column)
    }

    /// Decodes the row's columns, in order, into a tuple; the number of columns must match.
    public func decode<each T: PostgresDecodable>(_: (repeat each T).Type) throws -> (repeat each T) {
        var column = 0
        func next<V: PostgresDecodable>(_: V.Type) throws -> V {
            defer { column += 1 }
            return try decode(V.self, at: column)
        }
        let values = (repeat try next((each T).self))
        guard column == result.columns.count else {
            throw PostgresError.protocolViolation("the row has \(result.columns.count) columns, the tuple \(column)")
        }
        return values
    }
}
