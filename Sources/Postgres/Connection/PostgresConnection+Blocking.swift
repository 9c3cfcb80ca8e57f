import CLibPQ
import Foundation
import Glibc

/// The blocking libpq calls behind the async API. Each runs on the connection's thread pool.
extension PostgresConnection {
    func queryBlocking(_ query: PostgresQuery) throws -> PostgresRows {
        if !ahead.isEmpty {
            let batch = try takeAhead(followedBy: [query])
            return try pipelineBlocking(batch, prepared: batch.count).last!
        }
        if let failure = query.bindings.encodingFailure { throw PostgresError.encoding(failure) }
        do {
            return try executePreparedOrNot(query)
        } catch let error as PostgresError where error.serverError?.isStalePlan == true {
            // The statement was prepared before a schema change altered its result. Forget it; outside a
            // transaction nothing was lost, so prepare it afresh and run it again.
            let key = StatementKey(query)
            if let name = preparedStatements.removeValue(forKey: key), PQtransactionStatus(handle) == PQTRANS_IDLE {
                _ = try? check(PQexec(handle, "DEALLOCATE \"\(name)\""))
                return try executePreparedOrNot(query)
            }
            throw error
        }
    }

    private func executePreparedOrNot(_ query: PostgresQuery) throws -> PostgresRows {
        let name = try preparedStatement(for: query)
        roundTrips += 1
        let result = withParameters(query.bindings) { count, types, values, lengths, formats in
            if let name {
                return PQexecPrepared(handle, name, count, values, lengths, formats, 1)
            }
            return PQexecParams(handle, query.sql, count, types, values, lengths, formats, 1)
        }
        return PostgresRows(result: try check(result))
    }

    /// Sends what ``sendAhead(_:)`` held back on its own, before a statement that cannot travel with it.
    func sendHeldBackBlocking() throws {
        let batch = try takeAhead(followedBy: [])
        if !batch.isEmpty { _ = try pipelineBlocking(batch, prepared: batch.count) }
    }

    func executeBlocking(script: String) throws {
        roundTrips += 1
        _ = try check(PQexec(handle, script))
    }

    /// The name of the prepared statement for this SQL and these parameter types, preparing it on first use; `nil` once the cache is full.
    private func preparedStatement(for query: PostgresQuery) throws -> String? {
        let key = StatementKey(query)
        if let name = preparedStatements[key] { return name }
        guard let name = nextStatementName(alsoPreparing: 0) else { return nil }
        roundTrips += 1
        let result = query.bindings.types.withUnsafeBufferPointer {
            PQprepare(handle, name, query.sql, Int32(query.bindings.count), $0.baseAddress)
        }
        _ = try check(result)
        preparedStatements[key] = name
        return name
    }

    /// A fresh name for a statement about to be prepared, with `pending` others being prepared in the same batch;
    /// `nil` once the cache is full (the statement then runs unprepared).
    func nextStatementName(alsoPreparing pending: Int) -> String? {
        guard preparedStatements.count + pending < Self.preparedStatementLimit else { return nil }
        preparedStatementCount += 1
        return "thidua_\(preparedStatementCount)"
    }

    func withParameters<T>(
        _ bindings: PostgresBindings,
        _ body: (Int32, UnsafePointer<Oid>?, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> T
    ) -> T {
        let lengths = bindings.values.map { Int32($0?.count ?? 0) }
        let formats = [Int32](repeating: 1, count: bindings.count)
        // Keep every parameter's bytes alive and pinned while libpq reads them.
        let storage = bindings.values.map { value -> UnsafeMutableRawBufferPointer? in
            guard let value else { return nil }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(value.count, 1), alignment: 1)
            buffer.copyBytes(from: value)
            return buffer
        }
        defer { storage.forEach { $0?.deallocate() } }
        let pointers: [UnsafePointer<CChar>?] = storage.map { $0.map { UnsafePointer($0.baseAddress!.assumingMemoryBound(to: CChar.self)) } }
        return bindings.types.withUnsafeBufferPointer { types in
            pointers.withUnsafeBufferPointer { values in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        body(Int32(bindings.count), types.baseAddress, values.baseAddress, lengths.baseAddress, formats.baseAddress)
                    }
                }
            }
        }
    }

    /// Turns a libpq result into rows or the error it carries; a broken connection becomes `connectionLost`.
    func check(_ result: OpaquePointer?) throws -> PostgresResult? {
        guard let result else {
            throw connectionError()
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE, PGRES_COPY_IN, PGRES_PIPELINE_SYNC:
            return PostgresResult(result)
        case PGRES_EMPTY_QUERY:
            PQclear(result)
            return nil
        default:
            let error = Self.serverError(from: result)
            // An error with no SQLSTATE is libpq's own, not the server's ("server closed the connection
            // unexpectedly" arrives so, sometimes before the status turns bad): the connection is gone.
            let fromServer = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) != nil
            PQclear(result)
            if PQstatus(handle) != CONNECTION_OK || !fromServer { throw PostgresError.connectionLost(error.message) }
            throw PostgresError.server(error)
        }
    }

    func connectionError() -> PostgresError {
        let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
        return PostgresError.connectionLost(message.isEmpty ? "no answer from the server" : message)
    }

    static func serverError(from result: OpaquePointer) -> PostgresServerError {
        // The PG_DIAG_* field codes are character macros, which Swift does not import.
        func field(_ code: Unicode.Scalar) -> String? {
            guard let value = PQresultErrorField(result, Int32(code.value)) else { return nil }
            return String(cString: value)
        }
        let fallback = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
        return PostgresServerError(
            sqlState: field("C") ?? "XX000",
            severity: field("V") ?? field("S") ?? "ERROR",
            message: field("M") ?? fallback,
            detail: field("D"),
            hint: field("H"),
            schema: field("s"),
            table: field("t"),
            column: field("c"),
            constraint: field("n")
        )
    }

    /// True when the connection can take a statement: open, never sent a cancel, not inside a transaction, and
    /// silent while idle.
    /// A pooled connection does not listen for notifications, so anything to read while it sits idle is the
    /// server saying goodbye (it restarted, or an administrator ended the session): a zero-timeout `poll`
    /// sees that without a round trip.
    func isReusableBlocking() -> Bool {
        guard !closed, !canceller.wasUsed, PQstatus(handle) == CONNECTION_OK, PQtransactionStatus(handle) == PQTRANS_IDLE else {
            return false
        }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 0
    }
}

/// A prepared statement is declared with its parameters' types, so the same SQL with other types is another statement.
struct StatementKey: Hashable {
    var sql: String
    var types: [UInt32]

    init(_ query: PostgresQuery) {
        sql = query.sql
        types = query.bindings.types
    }
}

extension PostgresServerError {
    /// "cached plan must not change result type": a prepared statement outlived a schema change.
    var isStalePlan: Bool { sqlState == "0A000" && message.contains("cached plan") }
}
