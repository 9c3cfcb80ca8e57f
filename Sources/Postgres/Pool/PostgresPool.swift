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
///
/// Every decision (who gets a connection, when to make one, when closing is done) is ``PoolState``'s; this
/// class only performs the actions it returns, so the count of connections stays exact on every path.
public final class PostgresPool: Sendable {
    public struct Configuration: Sendable {
        /// A `postgresql://` URL or a libpq `key=value` string.
        public var connectionString: String
        public var maximumConnections: Int
        public var acquireTimeout: Duration
        /// The time limits of every connection the pool makes.
        public var limits: SessionLimits

        public init(
            connectionString: String, maximumConnections: Int = 8, acquireTimeout: Duration = .seconds(10), limits: SessionLimits = .none
        ) {
            self.connectionString = connectionString
            self.maximumConnections = maximumConnections
            self.acquireTimeout = acquireTimeout
            self.limits = limits
        }
    }

    typealias Waiter = CheckedContinuation<PostgresConnection, any Error>
    typealias Closer = CheckedContinuation<Void, Never>
    typealias State = PoolState<PostgresConnection, Waiter, ContinuousClock.Instant, Closer>

    public let configuration: Configuration
    private let threadPool: NIOThreadPool
    private let state: Mutex<State>
    private let nextWaiterID = Atomic<Int>(0)
    /// The thread pool is shut down once, by the first close to see the end.
    private let threadsStopped = Atomic<Bool>(false)
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
        /// Places taken: idle, leased and connecting.
        public var open: Int
        public var idle: Int
        public var leased: Int
        public var waiting: Int
        /// Connections being made.
        public var connecting: Int
    }

    public var statistics: Statistics {
        state.withLock {
            Statistics(open: $0.open, idle: $0.idle.count, leased: $0.leased, waiting: $0.waiters.count, connecting: $0.connecting)
        }
    }

    /// Refuses new work, closes idle connections, waits for leased ones to come back and for connects under way
    /// to end, and closes those too. Every call returns once nothing is left.
    public func close() async {
        await withCheckedContinuation { (closer: Closer) in
            perform(state.withLock { $0.close(closer) })
        }
        guard !threadsStopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        try? await threadPool.shutdownGracefully()
    }

    // MARK: - Leasing

    private func lease() async throws -> PostgresConnection {
        let id = nextWaiterID.add(1, ordering: .relaxed).newValue
        let deadline = ContinuousClock.now.advanced(by: configuration.acquireTimeout)
        var ahead = false
        while true {
            let connection = try await wait(id: id, deadline: deadline, ahead: ahead)
            // A zero-timeout poll and two status reads: cheap enough not to need a thread hop.
            if connection.isReusableBlocking() { return connection }
            logger.info("replacing a database connection the server closed", metadata: ["target": "\(connection.target)"])
            connection.close()
            perform(state.withLock { $0.leasedConnectionDied() })
            // Served once already: it waits first in line, with the deadline it came with.
            ahead = true
        }
    }

    private func wait(id: Int, deadline: ContinuousClock.Instant, ahead: Bool) async throws -> PostgresConnection {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                perform(state.withLock { $0.lease(id: id, waiter: waiter, deadline: deadline, ahead: ahead) })
                // A task cancelled before it queued ran its handler when nothing was queued to cancel.
                if Task.isCancelled { perform(state.withLock { $0.cancel(id: id) }) }
            }
        } onCancel: {
            perform(state.withLock { $0.cancel(id: id) })
        }
    }

    private func giveBack(_ connection: PostgresConnection) {
        let reusable = connection.isReusableBlocking()
        perform(state.withLock { $0.release(connection, reusable: reusable) })
    }

    /// Carries out what the state machine decided, outside its lock: resuming a task or closing a socket
    /// under the lock would hold up every other task of the pool.
    private func perform(_ actions: [State.Action]) {
        for action in actions {
            switch action {
            case .connect:
                Task { await connect() }
            case .hand(let connection, let waiter):
                waiter.resume(returning: connection)
            case .fail(let waiter, let failure):
                waiter.resume(throwing: error(for: failure))
            case .closeConnection(let connection):
                connection.close()
            case .watchDeadlines:
                Task { await watchDeadlines() }
            case .finishClose(let closers):
                closers.forEach { $0.resume() }
            }
        }
    }

    /// Makes one connection (on the thread pool: libpq blocks) and reports how it went.
    private func connect() async {
        do {
            let connection = try await PostgresConnection.connect(to: configuration.connectionString, limits: configuration.limits, threadPool: threadPool)
            perform(state.withLock { $0.connected(connection) })
        } catch {
            perform(state.withLock { $0.connectFailed(error) })
        }
    }

    /// Refuses waiters whose time ran out, for as long as anyone waits. One sleeping task for the whole queue:
    /// a timer per wait would mean thousands alive at once under load, each waking ten seconds later for nothing.
    private func watchDeadlines() async {
        while true {
            let (actions, next) = state.withLock { $0.expire(asOf: .now) }
            perform(actions)
            guard let next else { return }
            try? await Task.sleep(until: next, clock: .continuous)
        }
    }

    private func error(for failure: PoolFailure) -> any Error {
        switch failure {
        case .closed: PostgresError.poolClosed
        case .timedOut: PostgresError.poolTimeout(waited: configuration.acquireTimeout, maximumConnections: configuration.maximumConnections)
        case .cancelled: CancellationError()
        case .connectFailed(let error): error
        }
    }
}
