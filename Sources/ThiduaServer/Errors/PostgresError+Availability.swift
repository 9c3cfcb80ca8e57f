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
}
