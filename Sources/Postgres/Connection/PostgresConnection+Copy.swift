import CLibPQ

extension PostgresConnection {
    /// Loads rows with `COPY … FROM STDIN` (text format), the fastest way into a table. Returns the row count.
    ///
    /// ```swift
    /// try await connection.copyFrom("COPY units (code, name) FROM STDIN", rows: [["X01", "Xã Huổi Só"]])
    /// ```
    /// Each row is one value per column, as PostgreSQL's text input for the column's type; `nil` is `NULL`.
    @discardableResult
    public func copyFrom(_ sql: String, rows: some Sequence<[String?]> & Sendable) async throws -> Int {
        try await run { connection in
            try connection.sendHeldBackBlocking()
            return try connection.copyFromBlocking(sql, rows: rows)
        }
    }

    private func copyFromBlocking(_ sql: String, rows: some Sequence<[String?]>) throws -> Int {
        let start = PQexec(handle, sql)
        guard let start, PQresultStatus(start) == PGRES_COPY_IN else {
            _ = try check(start)
            throw PostgresError.protocolViolation("\(sql) did not start COPY FROM STDIN")
        }
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        var failure: (any Error)?
        for row in rows {
            Self.appendCopyLine(row, to: &buffer)
            if buffer.count >= 1 << 16 {
                if !send(buffer) { failure = connectionError(); break }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if failure == nil, !buffer.isEmpty, !send(buffer) { failure = connectionError() }
        guard PQputCopyEnd(handle, failure == nil ? nil : "client failed") == 1 else { throw connectionError() }
        var affected = 0
        while let result = PQgetResult(handle) {
            do {
                affected = try check(result)?.affectedRows ?? 0
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return affected
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) == 1 }
        }
    }

    /// COPY's text format: tab-separated, `\N` for NULL, backslash escapes for the characters it uses.
    static func appendCopyLine(_ row: [String?], to buffer: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }
}
