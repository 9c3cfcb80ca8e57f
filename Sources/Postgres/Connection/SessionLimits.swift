/// The time limits a session is given: what ends a statement that runs away, a wait behind a lock, a
/// transaction its client abandoned, a connect to a server that does not answer, and a socket whose peer
/// vanished without a word — each of which would otherwise hold a connection (and its locks) without end.
///
/// `nil` leaves PostgreSQL's (or libpq's) default. The server and statement limits travel as `-c` settings in the
/// startup packet, so they hold from the first statement; the rest are libpq connection parameters.
public struct SessionLimits: Sendable, Equatable {
    /// `connect_timeout`: how long to wait for a connection to be made.
    public var connectTimeout: Duration?
    /// `statement_timeout`: a statement running longer is cancelled (SQLSTATE 57014).
    public var statementTimeout: Duration?
    /// `lock_timeout`: a statement waiting longer for a lock gives up (55P03).
    public var lockTimeout: Duration?
    /// `idle_in_transaction_session_timeout`: a session left idle inside a transaction is ended by the server.
    public var idleInTransactionTimeout: Duration?
    /// `tcp_user_timeout` and keepalives: how long unacknowledged data or a silent peer may last on TCP before
    /// the socket is declared dead (ignored on a Unix socket).
    public var deadPeerTimeout: Duration?

    public init(
        connectTimeout: Duration? = nil, statementTimeout: Duration? = nil, lockTimeout: Duration? = nil,
        idleInTransactionTimeout: Duration? = nil, deadPeerTimeout: Duration? = nil
    ) {
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.lockTimeout = lockTimeout
        self.idleInTransactionTimeout = idleInTransactionTimeout
        self.deadPeerTimeout = deadPeerTimeout
    }

    /// libpq's defaults only (connect_timeout 5 s is the connection's own default).
    public static let none = SessionLimits()

    /// The server settings, as `-c name=value` words for libpq's `options`.
    var serverOptions: [String] {
        [("statement_timeout", statementTimeout), ("lock_timeout", lockTimeout),
         ("idle_in_transaction_session_timeout", idleInTransactionTimeout)]
            .compactMap { name, limit in limit.map { "-c \(name)=\(Self.milliseconds($0))" } }
    }

    /// The libpq parameters; they override what the connection string says.
    var connectionParameters: [(String, String)] {
        var parameters: [(String, String)] = []
        if let connectTimeout {
            // libpq counts whole seconds and treats 1 as 2; never 0, which means "wait for ever".
            parameters.append(("connect_timeout", String(max(2, Int(connectTimeout.components.seconds)))))
        }
        if let deadPeerTimeout {
            let seconds = max(1, Int(deadPeerTimeout.components.seconds))
            // Probe after a third of the limit of silence, then every ninth, three times: dead within the limit.
            parameters += [
                ("keepalives", "1"), ("keepalives_idle", String(max(1, seconds / 3))),
                ("keepalives_interval", String(max(1, seconds / 9))), ("keepalives_count", "3"),
                ("tcp_user_timeout", String(Self.milliseconds(deadPeerTimeout))),
            ]
        }
        return parameters
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
