/// The pool's bookkeeping as a plain value: events in, actions out, no I/O.
///
/// Every place a connection can take is counted in exactly one of `idle`, `leased` and `connecting`, and the
/// place of a new connection is counted *before* the action to make it is returned (as PostgresNIO's pool
/// does). Waiters never make connections themselves: the pool does, and hands each new one to the oldest
/// waiter or parks it. So a waiter that gives up (timeout, cancellation) cannot leave a place counted that
/// nobody fills, and a place freed by a broken connection cannot be filled twice.
///
/// `Connection`, `Waiter`, `Moment` (when a wait runs out) and `Closer` (a caller of ``close(_:)`` waiting for
/// the end) are generic so the rules can be tested with plain values.
struct PoolState<Connection, Waiter, Moment: Comparable, Closer> {
    typealias Action = PoolAction<Connection, Waiter, Closer>

    struct Waiting {
        var id: Int
        var waiter: Waiter
        var deadline: Moment
    }

    enum Phase {
        case running
        /// Closed to new work; waiting for leased connections to come back and connects to end.
        case closing(closers: [Closer])
        /// Nothing left.
        case closed
    }

    let maximumConnections: Int
    private(set) var idle: [Connection] = []
    private(set) var leased = 0
    /// Connections being made: places taken by connects the pool has been told to start and not yet heard of.
    private(set) var connecting = 0
    /// Oldest first.
    private(set) var waiters: [Waiting] = []
    private(set) var phase = Phase.running
    /// Whether someone is watching the waiters' deadlines (one watcher for all, not a timer each).
    private(set) var watching = false

    init(maximumConnections: Int) {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        self.maximumConnections = maximumConnections
    }

    /// Places taken: connections that exist or are being made. Never above `maximumConnections`.
    var open: Int { idle.count + leased + connecting }

    var isRunning: Bool {
        if case .running = phase { return true }
        return false
    }

    var isClosed: Bool {
        if case .closed = phase { return true }
        return false
    }

    // MARK: - Events

    /// A task wants a connection. It gets an idle one, or waits (until `deadline`) for one to come back or be
    /// made. `ahead` puts it first in the queue: it was already served once and found its connection dead.
    mutating func lease(id: Int, waiter: Waiter, deadline: Moment, ahead: Bool = false) -> [Action] {
        guard isRunning else { return [.fail(waiter, .closed)] }
        if let connection = idle.popLast() {
            leased += 1
            return [.hand(connection, to: waiter)]
        }
        let waiting = Waiting(id: id, waiter: waiter, deadline: deadline)
        if ahead { waiters.insert(waiting, at: 0) } else { waiters.append(waiting) }
        var actions: [Action] = []
        if !watching {
            watching = true
            actions.append(.watchDeadlines)
        }
        return actions + connectsNeeded()
    }

    /// A connect succeeded: the oldest waiter gets the connection, or it is parked (or closed, when closing).
    mutating func connected(_ connection: Connection) -> [Action] {
        precondition(connecting > 0, "a connect nobody was told to start")
        connecting -= 1
        return place(connection)
    }

    /// A connect failed: the oldest waiter gets the reason (so callers fail fast while the server is down),
    /// and the place is free for another try if more are waiting.
    mutating func connectFailed(_ error: any Error) -> [Action] {
        precondition(connecting > 0, "a connect nobody was told to start")
        connecting -= 1
        guard isRunning else { return finishIfDrained() }
        guard !waiters.isEmpty else { return [] }
        let oldest = waiters.removeFirst()
        return [.fail(oldest.waiter, .connectFailed(error))] + connectsNeeded()
    }

    /// A leased connection came back; `reusable` is false when it broke or was left inside a transaction.
    mutating func release(_ connection: Connection, reusable: Bool) -> [Action] {
        precondition(leased > 0, "a connection came back that was not leased")
        leased -= 1
        guard reusable else { return [.closeConnection(connection)] + (isRunning ? connectsNeeded() : finishIfDrained()) }
        return place(connection)
    }

    /// A connection just handed out was found dead (the server went away while it sat idle). The caller has
    /// closed it; it no longer counts, and its place can be filled for whoever waits.
    mutating func leasedConnectionDied() -> [Action] {
        precondition(leased > 0, "a connection died that was not leased")
        leased -= 1
        return isRunning ? connectsNeeded() : finishIfDrained()
    }

    /// A waiter's task was cancelled: it leaves the queue, if it is still in it. A connect made for it goes on
    /// and its connection serves the next waiter or is parked.
    mutating func cancel(id: Int) -> [Action] {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return [] }
        return [.fail(waiters.remove(at: index).waiter, .cancelled)]
    }

    /// Waiters whose deadline passed by `now` are refused; `next` is the deadline to look again at, `nil` when
    /// nobody waits any more (and the watch ends).
    mutating func expire(asOf now: Moment) -> (actions: [Action], next: Moment?) {
        let overdue = waiters.filter { $0.deadline <= now }
        waiters.removeAll { $0.deadline <= now }
        watching = !waiters.isEmpty
        return (overdue.map { .fail($0.waiter, .timedOut) }, waiters.map(\.deadline).min())
    }

    /// Shuts the pool: idle connections are closed, waiters refused; leased connections close when they come
    /// back and connects in flight when they end. `closer` is resumed when nothing is left, which may be now.
    mutating func close(_ closer: Closer) -> [Action] {
        switch phase {
        case .closed:
            return [.finishClose([closer])]
        case .closing(let closers):
            phase = .closing(closers: closers + [closer])
            return []
        case .running:
            phase = .closing(closers: [closer])
            var actions: [Action] = idle.map { .closeConnection($0) }
            actions += waiters.map { .fail($0.waiter, .closed) }
            idle = []
            waiters = []
            return actions + finishIfDrained()
        }
    }

    // MARK: - Rules

    /// A connection free for use goes to the oldest waiter, else it is parked; a closing pool closes it.
    private mutating func place(_ connection: Connection) -> [Action] {
        guard isRunning else { return [.closeConnection(connection)] + finishIfDrained() }
        guard waiters.isEmpty else {
            leased += 1
            return [.hand(connection, to: waiters.removeFirst().waiter)]
        }
        idle.append(connection)
        return []
    }

    /// One connect per waiter not already covered by a connect in flight, as far as the maximum allows. Waiters
    /// beyond that are served by connections coming back.
    private mutating func connectsNeeded() -> [Action] {
        var actions: [Action] = []
        while waiters.count > connecting, open < maximumConnections {
            connecting += 1
            actions.append(.connect)
        }
        return actions
    }

    private mutating func finishIfDrained() -> [Action] {
        guard case .closing(let closers) = phase, leased == 0, connecting == 0 else { return [] }
        phase = .closed
        return [.finishClose(closers)]
    }
}
