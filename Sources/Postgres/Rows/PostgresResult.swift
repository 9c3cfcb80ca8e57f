import CLibPQ

/// Owns a `PGresult`, which libpq never changes after returning it, so rows can share it across tasks.
final class PostgresResult: @unchecked Sendable {
    let handle: OpaquePointer
    let columns: [String]
    let columnTypes: [PostgresDataType]
    let rowCount: Int

    init(_ handle: OpaquePointer) {
        self.handle = handle
        let columnCount = Int(PQnfields(handle))
        columns = (0..<columnCount).map { String(cString: PQfname(handle, Int32($0))) }
        columnTypes = (0..<columnCount).map { PostgresDataType(PQftype(handle, Int32($0))) }
        rowCount = Int(PQntuples(handle))
    }

    deinit { PQclear(handle) }

    /// The number of rows a command touched (`INSERT`, `UPDATE`, `DELETE`, `COPY`…), 0 when it does not say.
    var affectedRows: Int { Int(String(cString: PQcmdTuples(handle))) ?? 0 }

    func cell(row: Int, column: Int) -> PostgresCell {
        let type = columnTypes[column]
        if PQgetisnull(handle, Int32(row), Int32(column)) == 1 { return PostgresCell(type: type, bytes: nil) }
        let length = Int(PQgetlength(handle, Int32(row), Int32(column)))
        let start = UnsafeRawPointer(PQgetvalue(handle, Int32(row), Int32(column)))
        return PostgresCell(type: type, bytes: UnsafeRawBufferPointer(start: start, count: length))
    }
}
