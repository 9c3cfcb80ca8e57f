import Foundation
import ArgumentParser
import Postgres
import ThiduaCore
import ThiduaServer

struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Địa chỉ lắng nghe / address to listen on (env: THIDUA_HOST; default 127.0.0.1).", valueName: "address"))
    var host: String?

    @Option(help: ArgumentHelp("Cổng HTTP / HTTP port, 0 for a free one (env: THIDUA_PORT; default 8080).", valueName: "port"))
    var port: Int?

    @Option(name: .customLong("pool-size"), help: ArgumentHelp(
        "Số kết nối cơ sở dữ liệu / database connections (env: THIDUA_POOL_SIZE; default twice the processors, \(ServerOptions.defaultPoolSize) here).",
        valueName: "n"
    ))
    var poolSize: Int?

    @Option(name: .customLong("verifier-url"), help: ArgumentHelp(
        "Đăng nhập kiểm tra nhật ký / how to log in as thidua_verifier, so auditors can verify the audit chain over HTTP (env: THIDUA_VERIFIER_URL; the private database's by default).",
        valueName: "url"))
    var verifierURL: String?

    @Option(name: .customLong("ballot-key-file"), help: ArgumentHelp(
        "Tệp khóa phiếu kín / the file of the key secret ballots are sealed under, kept apart from the database and its backups; the same for every instance (env: THIDUA_BALLOT_KEY_FILE; with the private database, ballot.key in its folder, made on first use).",
        valueName: "path"))
    var ballotKeyFile: String?

    @Flag(name: .customLong("behind-tls"), help: ArgumentHelp(
        "Máy chủ chạy sau HTTPS (nginx) / the server is reached over TLS: the session cookie is marked Secure (env: THIDUA_BEHIND_TLS=1)."))
    var behindTLS = false

    @Option(name: .customLong("statement-timeout"), help: ArgumentHelp(
        "Giới hạn mỗi câu lệnh / seconds a statement may run before PostgreSQL cancels it; the request answers 503 (env: THIDUA_STATEMENT_TIMEOUT; default \(Self.defaultLimits.statement)).",
        valueName: "s"))
    var statementTimeout: Int?

    @Option(name: .customLong("lock-timeout"), help: ArgumentHelp(
        "Giới hạn chờ khóa / seconds a statement may wait for a row lock before giving up with 503 (env: THIDUA_LOCK_TIMEOUT; default \(Self.defaultLimits.lock)).",
        valueName: "s"))
    var lockTimeout: Int?

    @Option(name: .customLong("idle-transaction-timeout"), help: ArgumentHelp(
        "Giới hạn giao dịch bỏ dở / seconds a connection may sit idle inside a transaction before PostgreSQL ends it (env: THIDUA_IDLE_TRANSACTION_TIMEOUT; default \(Self.defaultLimits.idleInTransaction)).",
        valueName: "s"))
    var idleTransactionTimeout: Int?

    @Option(name: .customLong("connect-timeout"), help: ArgumentHelp(
        "Giới hạn kết nối / seconds to wait for a database connection to be made (env: THIDUA_CONNECT_TIMEOUT; default \(Self.defaultLimits.connect)).",
        valueName: "s"))
    var connectTimeout: Int?

    @Option(name: .customLong("dead-peer-timeout"), help: ArgumentHelp(
        "Phát hiện mất mạng / seconds of silence on a TCP connection to the database (keepalives, tcp_user_timeout) before it is declared dead (env: THIDUA_DEAD_PEER_TIMEOUT; default \(Self.defaultLimits.deadPeer)).",
        valueName: "s"))
    var deadPeerTimeout: Int?

    /// Seconds. A statement of the office's work takes milliseconds; a minute is far beyond any report at
    /// district scale yet ends a runaway one. A lock is held for one request's transaction: five seconds of
    /// waiting means something is stuck, and the client is better told 503 than kept. The pool's own wait
    /// is 10 s.
    static let defaultLimits = (statement: 60, lock: 5, idleInTransaction: 30, connect: 5, deadPeer: 30)

    func resolvedLimits() throws -> SessionLimits {
        func seconds(_ given: Int?, _ variable: String, _ fallback: Int, _ flag: String) throws -> Duration {
            let value = try given ?? Environment.integer(variable) ?? fallback
            guard value > 0 else { throw ValidationError("--\(flag) must be at least 1 second") }
            return .seconds(value)
        }
        let defaults = Self.defaultLimits
        return SessionLimits(
            connectTimeout: try seconds(connectTimeout, "THIDUA_CONNECT_TIMEOUT", defaults.connect, "connect-timeout"),
            statementTimeout: try seconds(statementTimeout, "THIDUA_STATEMENT_TIMEOUT", defaults.statement, "statement-timeout"),
            lockTimeout: try seconds(lockTimeout, "THIDUA_LOCK_TIMEOUT", defaults.lock, "lock-timeout"),
            idleInTransactionTimeout: try seconds(
                idleTransactionTimeout, "THIDUA_IDLE_TRANSACTION_TIMEOUT", defaults.idleInTransaction, "idle-transaction-timeout"),
            deadPeerTimeout: try seconds(deadPeerTimeout, "THIDUA_DEAD_PEER_TIMEOUT", defaults.deadPeer, "dead-peer-timeout"))
    }

    @Option(name: .customLong("trusted-proxy"), help: ArgumentHelp(
        "Proxy tin cậy (nginx) / a trusted proxy in front of the server, an address or CIDR, repeatable: only from it does X-Forwarded-For give the client's address for sign-in throttling (its right-most entry that is not a trusted proxy), and X-Forwarded-Proto: https mark the session cookie Secure (env: THIDUA_TRUSTED_PROXIES, comma-separated).",
        valueName: "cidr"))
    var trustedProxies: [String] = []

    func resolvedHost() -> String { host ?? Environment.string("THIDUA_HOST") ?? "127.0.0.1" }
    func resolvedPort() throws -> Int { try port ?? Environment.integer("THIDUA_PORT") ?? 8080 }
    func resolvedBehindTLS() throws -> Bool { try behindTLS || (Environment.flag("THIDUA_BEHIND_TLS") ?? false) }
    /// The flags' proxies, else the variable's; an entry that is no address or CIDR is refused, not skipped,
    /// so a typo cannot quietly leave every client behind nginx as one address.
    func resolvedTrustedProxies() throws -> [IPNetwork] {
        let entries = trustedProxies.isEmpty
            ? (Environment.string("THIDUA_TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            : trustedProxies
        return try entries.filter { !$0.isEmpty }.map { entry in
            guard let network = IPNetwork(entry) else {
                throw ValidationError("--trusted-proxy \(entry): không phải địa chỉ IP hay CIDR / is not an IP address or CIDR")
            }
            return network
        }
    }
    @Option(name: .customLong("read-url"), help: ArgumentHelp(
        "Máy dự phòng để đọc / a hot standby's URL (as thidua_app) for reports and the audit trail's reading, used once it has replayed every write so far (env: DATABASE_READ_URL).",
        valueName: "url"))
    var readURL: String?

    @Option(name: .customLong("read-max-lag"), help: ArgumentHelp(
        "Độ trễ tối đa / milliseconds a read waits for the standby to catch up with the primary before it is served by the primary (env: THIDUA_READ_MAX_LAG_MS; default 500).",
        valueName: "ms"))
    var readMaximumLag: Int?

    /// The standby's reads, when a read URL is given: a pool of half the primary's size (reports are few and
    /// long), connecting within 2 s so that a standby that is down costs one short wait before it is rested.
    func resolvedStandby() throws -> StandbyReads? {
        guard let url = readURL ?? Environment.string("DATABASE_READ_URL") else { return nil }
        let lag = try readMaximumLag ?? Environment.integer("THIDUA_READ_MAX_LAG_MS") ?? 500
        guard lag >= 0 else { throw ValidationError("--read-max-lag must be 0 or more milliseconds") }
        var limits = try resolvedLimits()
        limits.connectTimeout = .seconds(2)
        let pool = PostgresPool(configuration: .init(
            connectionString: url, maximumConnections: max(1, try resolvedPoolSize() / 2), limits: limits))
        return StandbyReads(pool: pool, maximumLag: .milliseconds(lag))
    }

    /// The ballot key of the file named, else of `privateDefault` (made there when missing); `nil` when neither:
    /// such a server takes no secret ballots.
    func resolvedBallotKey(privateDefault: String?) throws -> BallotKey? {
        if let named = ballotKeyFile ?? Environment.string("THIDUA_BALLOT_KEY_FILE") { return try BallotKeyFile.load(named, creating: false) }
        return try privateDefault.map { try BallotKeyFile.load($0, creating: true) }
    }

    func resolvedVerifierURL() -> String? { verifierURL ?? Environment.string("THIDUA_VERIFIER_URL") }
    func resolvedPoolSize() throws -> Int {
        let size = try poolSize ?? Environment.integer("THIDUA_POOL_SIZE") ?? Self.defaultPoolSize
        guard size > 0 else { throw ValidationError("--pool-size must be at least 1") }
        return size
    }

    /// Twice the processors (the usual sizing for a database on the same machine): more connections than the
    /// cores can run only queue inside PostgreSQL, where the waits are longer and less fair than in the pool.
    /// Measured on 2 cores, 32 clients creating and submitting (`thidua bench http --runs 1 --seconds 10
    /// --concurrency 32 --pool-size N`, BENCHMARKS.md): p99 73–78 ms with 4, 90 with 8, 154 with 16, at the same rate.
    static var defaultPoolSize: Int { max(2, 2 * ProcessInfo.processInfo.activeProcessorCount) }
}
