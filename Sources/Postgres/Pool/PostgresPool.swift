import Logging
import NIOPosix
import Synchronization

/// A bounded pool of libpq connections, shared by every task of the process.
///
/// ```swift
/// let pool = PostgresPool(configuration: .init(connectionString: url, maximumConnections: 8))
/// let count = try await pool.query("SELECT count(*) FROM units").first!.decode(Int.self, at: 0)
/// try await pool.withTransaction(isolation: .serializable) { connection in … }
/// await pool.close()
/// ```
///
/// When every connection is busy a task waits, up to `acquireTimeout`, then gets
/// ``PostgresError/poolTimeout(waited:maximumConnections:)``. A connection that broke (the server restarted,
/// a network cut) is noticed when it comes back or before it is handed out again, closed and replaced, so the
/// pool recovers without restarting the process. Blocking libpq calls run on a thread pool of the pool's size.
public final class PostgresPool: Sendable {
    public struct Configuration: Sendable {
        /// A `postgresql://` URL or a libpq `key=value` string.
        public var connectionString: String
        public var maximumConnections: Int
        public var acquireTimeout: Duration

        public init(connectionString: String, maximumConnections: Int = 8, acquireTimeout: Duration = .seconds(10)) {
            self.connectionString = connectionString
            self.maximumConnections = maximumConnections
            self.acquireTimeout = acquireTimeout
        }
    }

    /// What a waiting task is eventually given.
    enum Grant: Sendable {
        case connection(PostgresConnection)
        case create
    }

    typealias Waiter = CheckedContinuation<Grant, any Error>

    public let configuration: Configuration
    private let threadPool: NIOThreadPool
    private let state: Mutex<PoolState<PostgresConnection, Waiter, ContinuousClock.Instant>>
    private let nextWaiterID = Atomic<Int>(0)
    private let closed = Mutex<[CheckedContinuation<Void, Never>]?>([])
    private let logger: Logger

    public init(configuration: Configuration, logger: Logger = Logger(label: "thidua.postgres.pool")) {
        self.configuration = configuration
        self.logger = logger
        self.state = Mutex(PoolState(maximumConnections: configuration.maximumConnections))
        self.threadPool = NIOThreadPool(numberOfThreads: configuration.maximumConnections)
        threadPool.start()
    }

    /// Lends a connection to `body` and takes it back afterwards, whatever happens.
    public func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await lease()
        do {
            let value = try await body(connection)
            giveBack(connection)
            return value
        } catch {
            giveBack(connection)
            throw error
        }
    }

    /// Runs one statement on any free connection.
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await withConnection { try await $0.query(query) }
    }

    /// A transaction on one connection of the pool; see ``PostgresConnection/withTransaction(isolation:readOnly:maxAttempts:_:)``.
    public func withTransaction<T>(
        isolation: IsolationLevel = .readCommitted,
        readOnly: Bool = false,
        maxAttempts: Int = 5,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await connection.withTransaction(isolation: isolation, readOnly: readOnly, maxAttempts: maxAttempts, body)
        }
    }

    public struct Statistics: Sendable, Equatable {
        public var open: Int
        public var idle: Int
        public var leased: Int
        public var waiting: Int
    }

    public var statistics: Statistics {
        state.withLock { Statistics(open: $0.open, idle: $0.idle.count, leased: $0.leased, waiting: $0.waiters.count) }
    }

    /// Refuses new work, closes idle connections, waits for leased ones to come back and closes them too.
    public func close() async {
        let (idle, waiters) = state.withLock { $0.close() }
        idle.forEach { $0.close() }
        waiters.forEach { $0.resume(throwing: PostgresError.poolClosed) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { $0.open == 0 }
            if done {
                continuation.resume()
            } else {
                closed.withLock { $0?.append(continuation) }
            }
        }
        try? await threadPool.shutdownGracefully()
    }

    // MARK: - Leasing

    private func lease() async throws -> PostgresConnection {
        while true {
            switch try await grant() {
            case .connection(let connection):
                if connection.isReusableBlocking() { return connection }
                logger.info("replacing a database connection the server closed", metadata: ["target": "\(connection.target)"])
                connection.close()
                discard()
            case .create:
                do {
                    return try await PostgresConnection.connect(to: configuration.connectionString, threadPool: threadPool)
                } catch {
                    discard()
                    throw error
                }
            }
        }
    }

    private func grant() async throws -> Grant {
        let id = nextWaiterID.add(1, ordering: .relaxed).newValue
        let deadline = ContinuousClock.now.advanced(by: configuration.acquireTimeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                switch state.withLock({ $0.lease(id: id, waiter: waiter, deadline: deadline) }) {
                case .use(let connection): waiter.resume(returning: .connection(connection))
                case .create: waiter.resume(returning: .create)
                case .refuse: waiter.resume(throwing: PostgresError.poolClosed)
                case .wait(let watch): if watch { Task { await watchDeadlines() } }
                }
            }
        } onCancel: {
            state.withLock { $0.abandon(id: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Refuses waiters whose time ran out, for as long as anyone waits. One sleeping task for the whole queue:
    /// a timer per wait would mean thousands alive at once under load, each waking ten seconds later for nothing.
    private func watchDeadlines() async {
        let timeout = configuration.acquireTimeout
        let maximum = configuration.maximumConnections
        while true {
            let (expired, next) = state.withLock { $0.expire(asOf: .now) }
            expired.forEach { $0.resume(throwing: PostgresError.poolTimeout(waited: timeout, maximumConnections: maximum)) }
            guard let next else { return }
            try? await Task.sleep(until: next, clock: .continuous)
        }
    }

    private func giveBack(_ connection: PostgresConnection) {
        // A zero-timeout poll and two status reads: cheap enough not to need a thread hop.
        let reusable = connection.isReusableBlocking()
        switch state.withLock({ $0.release(connection, reusable: reusable) }) {
        case .handOver(let connection, let waiter):
            waiter.resume(returning: .connection(connection))
        case .park:
            break
        case .close(let connection, let waiter):
            connection.close()
            waiter?.resume(returning: .create)
            finishClosingIfDone()
        }
    }

    private func discard() {
        state.withLock { $0.discard() }?.resume(returning: .create)
        finishClosingIfDone()
    }

    private func finishClosingIfDone() {
        guard state.withLock({ $0.isClosed && $0.open == 0 }) else { return }
        let waiting = closed.withLock { continuations -> [CheckedContinuation<Void, Never>] in
            let waiting = continuations ?? []
            continuations = nil
            return waiting
        }
        waiting.forEach { $0.resume() }
    }
}
