import CLibPQ

extension PostgresConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// A serialization failure or a deadlock (SQLSTATE 40001, 40P01), raised by a statement or by `COMMIT`,
    /// rolls back and runs the whole body again, up to `maxAttempts` times, after a short random pause.
    /// The body must therefore be safe to run again: it should only touch the database through `connection`.
    ///
    /// ```swift
    /// let id = try await connection.withTransaction(isolation: .serializable) { connection in
    ///     try await connection.query("UPDATE quotas SET used = used + 1 WHERE unit_id = \(unit)")
    ///     return try await connection.query("INSERT INTO … RETURNING id").first!.decode(UUID.self, at: 0)
    /// }
    /// ```
    public func withTransaction<T>(
        isolation: IsolationLevel = .readCommitted,
        readOnly: Bool = false,
        maxAttempts: Int = 5,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        precondition(!transactionOpen, "transactions do not nest")
        let begin = PostgresQuery(unsafeSQL: "BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")")
        transactionOpen = true
        defer { transactionOpen = false }
        var attempt = 1
        while true {
            // BEGIN travels with the body's first statement: a transaction costs no round trip of its own.
            sendAhead(begin)
            do {
                let value = try await body(self)
                try await commit()
                return value
            } catch {
                await rollback()
                guard let server = (error as? PostgresError)?.serverError, server.isTransient, attempt < maxAttempts else {
                    throw error
                }
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * attempt))))
            }
        }
    }

    /// `COMMIT` of a failed transaction silently rolls back; a body that swallowed an error must not look committed.
    /// Statements still held back go with the `COMMIT`; one failing leaves the `COMMIT` unsent.
    private func commit() async throws {
        try await run { connection in
            if !connection.ahead.isEmpty, PQtransactionStatus(connection.handle) != PQTRANS_INERROR {
                let batch = try connection.takeAhead(followedBy: ["COMMIT"])
                _ = try connection.pipelineBlocking(batch, prepared: batch.count)
                return
            }
            connection.ahead.removeAll()
            guard PQtransactionStatus(connection.handle) != PQTRANS_INERROR else {
                try connection.executeBlocking(script: "ROLLBACK")
                throw PostgresError.protocolViolation("the transaction failed earlier (an error was caught inside it) and was rolled back")
            }
            try connection.executeBlocking(script: "COMMIT")
        }
    }

    private func rollback() async {
        ahead.removeAll()
        _ = try? await run { connection in
            guard PQtransactionStatus(connection.handle) != PQTRANS_IDLE, PQstatus(connection.handle) == CONNECTION_OK else { return }
            try connection.executeBlocking(script: "ROLLBACK")
        }
    }
}
