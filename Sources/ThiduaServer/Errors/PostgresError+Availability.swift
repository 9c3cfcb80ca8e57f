import Postgres

extension PostgresError {
    /// The database cannot be reached or is shutting down or starting: a 503 the client retries, not a fault.
    var isConnectionFailure: Bool {
        switch self {
        case .connectionFailed, .connectionLost, .poolTimeout, .poolClosed: true
        case .server(let error): error.sqlState.hasPrefix("08") || error.sqlState.hasPrefix("57P")
        default: false
        }
    }

    /// The database is there but could not finish in time: the statement ran past `statement_timeout` or was
    /// cancelled because its client left (57014), it waited past `lock_timeout` (55P03), or a serialization
    /// failure or deadlock outlasted the transaction's retries (40001, 40P01). A 503 the client retries.
    var isBusy: Bool {
        guard let state = serverError?.sqlState else { return false }
        return ["57014", "55P03", "40001", "40P01"].contains(state)
    }

    /// Text PostgreSQL cannot store: a NUL character (22021) or one the encoding lacks (22P05). The edge refuses
    /// a NUL before any SQL; this is the net behind it.
    var isUnstorableText: Bool {
        guard let state = serverError?.sqlState else { return false }
        return state == "22021" || state == "22P05"
    }
}
