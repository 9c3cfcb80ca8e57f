import CLibPQ
import Glibc

extension PostgresConnection {
    /// Sends all statements at once and reads the answers afterwards: one round trip for the batch.
    ///
    /// The batch ends in one sync point, so outside an explicit transaction it commits or fails as a whole;
    /// the first error is thrown after every answer has been read, and the connection stays usable.
    /// Sending and reading interleave (non-blocking sends, reading whenever the server answers), so a
    /// large batch cannot deadlock on full socket buffers.
    @discardableResult
    public func pipeline(_ queries: [PostgresQuery]) async throws -> [PostgresRows] {
        if let failure = queries.lazy.compactMap(\.bindings.encodingFailure).first { throw PostgresError.encoding(failure) }
        return try await run { try $0.pipelineBlocking(queries) }
    }

    private func pipelineBlocking(_ queries: [PostgresQuery]) throws -> [PostgresRows] {
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        defer { PQexitPipelineMode(handle) }
        PQsetnonblocking(handle, 1)
        do {
            for query in queries {
                let sent = withParameters(query.bindings) { count, types, values, lengths, formats in
                    PQsendQueryParams(handle, query.sql, count, types, values, lengths, formats, 1)
                }
                guard sent == 1 else { throw connectionError() }
                try flush(untilEmpty: false)
            }
            guard PQpipelineSync(handle) == 1 else { throw connectionError() }
            try flush(untilEmpty: true)
        } catch {
            PQsetnonblocking(handle, 0)
            throw error
        }
        PQsetnonblocking(handle, 0)
        return try readPipelineResults(count: queries.count)
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

    private func readPipelineResults(count: Int) throws -> [PostgresRows] {
        var rows: [PostgresRows] = []
        var firstError: (any Error)?
        for _ in 0..<count {
            var answer: PostgresResult?
            // One statement's results end with a NULL. libpq 15 may hand a PGRES_SINGLE_TUPLE before
            // PGRES_TUPLES_OK when single-row mode was used earlier on the connection (see STACK.md).
            while let result = PQgetResult(handle) {
                if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
                    PQclear(result)
                    continue
                }
                do {
                    answer = try check(result)
                } catch {
                    firstError = firstError ?? error
                }
            }
            rows.append(PostgresRows(result: answer))
        }
        guard let sync = PQgetResult(handle) else { throw connectionError() }
        let status = PQresultStatus(sync)
        PQclear(sync)
        guard status == PGRES_PIPELINE_SYNC else {
            throw PostgresError.protocolViolation("expected the pipeline's sync point, got \(String(cString: PQresStatus(status)))")
        }
        if let firstError { throw firstError }
        return rows
    }
}
