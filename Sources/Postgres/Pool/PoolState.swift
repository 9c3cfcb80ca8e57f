/// The pool's bookkeeping as a plain value: events in, actions out, no I/O.
///
/// `Connection`, `Waiter` and `Moment` (when a wait runs out) are generic so the rules can be tested with plain
/// values.
struct PoolState<Connection, Waiter, Moment: Comparable> {
    let maximumConnections: Int
    /// Connections that exist or are being made: idle, leased and connecting.
    private(set) var open = 0
    private(set) var idle: [Connection] = []
    /// Oldest first; every wait lasts as long, so their deadlines are in the same order.
    private(set) var waiters: [(id: Int, waiter: Waiter, deadline: Moment)] = []
    private(set) var isClosed = false
    /// Whether someone is watching the waiters' deadlines (one watcher for all, not a timer each).
    private(set) var watching = false

    init(maximumConnections: Int) {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        self.maximumConnections = maximumConnections
    }

    var leased: Int { open - idle.count }

    enum LeaseAction {
        case use(Connection)
        case create
        /// Queued. `watch` asks the caller to start watching deadlines (``expire(asOf:)``); nobody is yet.
        case wait(watch: Bool)
        case refuse
    }

    /// A task wants a connection. `.wait` means `waiter` was queued and will be handed one later, or refused at
    /// `deadline`.
    mutating func lease(id: Int, waiter: Waiter, deadline: Moment) -> LeaseAction {
        guard !isClosed else { return .refuse }
        if let connection = idle.popLast() { return .use(connection) }
        if open < maximumConnections {
            open += 1
            return .create
        }
        waiters.append((id, waiter, deadline))
        defer { watching = true }
        return .wait(watch: !watching)
    }

    /// The waiters whose deadline passed by `now` leave the queue; `next` is the deadline to look again at,
    /// `nil` when nobody waits any more (and the watch ends).
    mutating func expire(asOf now: Moment) -> (expired: [Waiter], next: Moment?) {
        let overdue = waiters.prefix { $0.deadline <= now }.count
        let expired = waiters.prefix(overdue).map(\.waiter)
        waiters.removeFirst(overdue)
        watching = !waiters.isEmpty
        return (expired, waiters.first?.deadline)
    }

    enum ReleaseAction {
        /// Give the connection to this waiter.
        case handOver(Connection, Waiter)
        /// Keep it idle.
        case park
        /// Close it; if a waiter is named, wake it so it makes a new connection in the freed place.
        case close(Connection, wake: Waiter?)
    }

    /// A leased connection came back; `reusable` is false when it broke or was left inside a transaction.
    mutating func release(_ connection: Connection, reusable: Bool) -> ReleaseAction {
        guard reusable, !isClosed else {
            open -= 1
            return .close(connection, wake: isClosed ? nil : popWaiter())
        }
        if let waiter = popWaiter() { return .handOver(connection, waiter) }
        idle.append(connection)
        return .park
    }

    /// A connection that was being made, or an idle one found dead, no longer counts. Wakes a waiter to retry.
    mutating func discard() -> Waiter? {
        open -= 1
        return isClosed ? nil : popWaiter()
    }

    /// A waiter's time ran out (or its task was cancelled): it leaves the queue, if it is still in it.
    mutating func abandon(id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).waiter
    }

    /// Shuts the pool: idle connections are closed now, waiters are refused, leased ones close on return.
    mutating func close() -> (idle: [Connection], waiters: [Waiter]) {
        isClosed = true
        let closing = idle
        open -= idle.count
        idle = []
        let refused = waiters.map(\.waiter)
        waiters = []
        return (closing, refused)
    }

    private mutating func popWaiter() -> Waiter? {
        waiters.isEmpty ? nil : waiters.removeFirst().waiter
    }
}
