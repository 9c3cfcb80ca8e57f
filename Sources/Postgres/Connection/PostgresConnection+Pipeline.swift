import CLibPQ
import Glibc

extension PostgresConnection {
    /// Sends all statements at once and reads the answers afterwards: one round trip for the batch.
    ///
    /// The batch ends in one sync point, so outside an explicit transaction it commits or fails as a whole;
    /// the first error is thrown after every answer has been read, and the connection stays usable.
    /// Sending and reading interleave (non-blocking sends, reading whenever the server answers), so a
    /// large batch cannot deadlock on full socket buffers. The statements are not prepared: a batch is
    /// usually a one-off (an import), which would only fill the prepared-statement cache.
    @discardableResult
    public func pipeline(_ queries: [PostgresQuery]) async throws -> [PostgresRows] {
        try await run { connection in
            let held = connection.ahead.count
            return Array(try connection.pipelineBlocking(try connection.takeAhead(followedBy: queries), prepared: held).dropFirst(held))
        }
    }

    /// Holds `query` back and sends it ahead of the connection's next statement, in the same round trip.
    ///
    /// For statements inside a transaction whose results nobody reads: the transaction's `BEGIN`, the
    /// settings that name the acting user. Each one held back saves a round trip (a wake-up of the server
    /// process and of a thread here). It runs before the next statement, or before `COMMIT` when none
    /// follows; if it fails, the statement it travelled with is skipped and throws its error.
    public func sendAhead(_ query: PostgresQuery) {
        precondition(transactionOpen, "sendAhead(_:) holds statements back only inside withTransaction")
        ahead.append(query)
    }

    /// What was held back, then `queries`, as one batch to send. A statement that cannot be encoded throws
    /// first and nothing is taken: a caller that catches the error still finds its `BEGIN` waiting, rather
    /// than going on outside the transaction.
    func takeAhead(followedBy queries: [PostgresQuery]) throws -> [PostgresQuery] {
        let batch = ahead + queries
        if let failure = batch.lazy.compactMap(\.bindings.encodingFailure).first { throw PostgresError.encoding(failure) }
        ahead.removeAll(keepingCapacity: true)
        return batch
    }

    /// Runs `queries` in one round trip and returns each one's rows. The first `prepared` statements (and
    /// only they) go through the connection's prepared-statement cache, being prepared in the same batch
    /// on their first use.
    /// Callers take the batch from ``takeAhead(followedBy:)``, which has refused anything that cannot be encoded.
    func pipelineBlocking(_ queries: [PostgresQuery], prepared: Int) throws -> [PostgresRows] {
        let steps = plan(queries, prepared: prepared)
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        defer { PQexitPipelineMode(handle) }
        PQsetnonblocking(handle, 1)
        do {
            for step in steps {
                guard send(step) == 1 else { throw connectionError() }
                try flush(untilEmpty: false)
            }
            guard PQpipelineSync(handle) == 1 else { throw connectionError() }
            try flush(untilEmpty: true)
        } catch {
            PQsetnonblocking(handle, 0)
            throw error
        }
        PQsetnonblocking(handle, 0)
        roundTrips += 1
        return try readPipelineResults(of: steps)
    }

    /// What goes down the wire for a batch: each statement, preceded by its preparation on first use.
    private enum Step {
        case prepare(PostgresQuery, name: String)
        case run(PostgresQuery, preparedAs: String?)
    }

    private func plan(_ queries: [PostgresQuery], prepared: Int) -> [Step] {
        var preparing: [StatementKey: String] = [:]
        var steps: [Step] = []
        for (index, query) in queries.enumerated() {
            guard index < prepared else {
                steps.append(.run(query, preparedAs: nil))
                continue
            }
            let key = StatementKey(query)
            if let name = preparedStatements[key] ?? preparing[key] {
                steps.append(.run(query, preparedAs: name))
            } else if let name = nextStatementName(alsoPreparing: preparing.count) {
                preparing[key] = name
                steps += [.prepare(query, name: name), .run(query, preparedAs: name)]
            } else {
                steps.append(.run(query, preparedAs: nil))
            }
        }
        return steps
    }

    private func send(_ step: Step) -> Int32 {
        switch step {
        case .prepare(let query, let name):
            return query.bindings.types.withUnsafeBufferPointer {
                PQsendPrepare(handle, name, query.sql, Int32(query.bindings.count), $0.baseAddress)
            }
        case .run(let query, let name):
            return withParameters(query.bindings) { count, types, values, lengths, formats in
                if let name { return PQsendQueryPrepared(handle, name, count, values, lengths, formats, 1) }
                return PQsendQueryParams(handle, query.sql, count, types, values, lengths, formats, 1)
            }
        }
    }

    /// Pushes buffered output to the server, reading its answers meanwhile so neither side blocks.
    /// Between statements it only pushes what the socket takes now; at the sync point it pushes everything.
    private func flush(untilEmpty: Bool) throws {
        while true {
            let pending = PQflush(handle)
            if pending == 0 { return }
            guard pending > 0 else { throw connectionError() }
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN | POLLOUT), revents: 0)
            let ready = poll(&descriptor, 1, untilEmpty ? 30_000 : 0)
            guard ready >= 0 else { throw connectionError() }
            if ready == 0 {
                guard untilEmpty else { return }
                throw PostgresError.connectionLost("the server stopped reading the pipeline")
            }
            if descriptor.revents & Int16(POLLIN) != 0 {
                guard PQconsumeInput(handle) == 1 else { throw connectionError() }
            }
        }
    }

    private func readPipelineResults(of steps: [Step]) throws -> [PostgresRows] {
        var rows: [PostgresRows] = []
        var firstError: (any Error)?
        for step in steps {
            var answer: PostgresResult?
            var done = false
            // One statement's results end with a NULL. libpq 15 may hand a PGRES_SINGLE_TUPLE before
            // PGRES_TUPLES_OK when single-row mode was used earlier on the connection (see STACK.md).
            while let result = PQgetResult(handle) {
                if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                    PQclear(result)
                    continue
                }
                do {
                    answer = try check(result)
                    done = true
                } catch let error as PostgresError {
                    if error.serverError?.isStalePlan == true, case .run(let query, .some) = step {
                        preparedStatements.removeValue(forKey: StatementKey(query))
                    }
                    firstError = firstError ?? error
                }
            }
            switch step {
            case .prepare(let query, let name):
                if done { preparedStatements[StatementKey(query)] = name }
            case .run:
                rows.append(PostgresRows(result: answer))
            }
        }
        guard let sync = PQgetResult(handle) else { throw connectionError() }
        let status = PQresultStatus(sync)
        PQclear(sync)
        guard status == PGRES_PIPELINE_SYNC else {
            // The server went away mid-pipeline: libpq reports a fatal result where the sync point should be.
            if let lost = firstError as? PostgresError, case .connectionLost = lost { throw lost }
            if status == PGRES_FATAL_ERROR || PQstatus(handle) != CONNECTION_OK { throw connectionError() }
            throw PostgresError.protocolViolation("expected the pipeline's sync point, got \(String(cString: PQresStatus(status)))")
        }
        if let firstError { throw firstError }
        return rows
    }
}
