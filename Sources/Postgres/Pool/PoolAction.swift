/// What ``PoolState`` tells the pool to do after an event. The pool performs each action as it is and
/// decides nothing itself, so the rules (and their counting) live in one place that tests can drive.
enum PoolAction<Connection, Waiter, Closer> {
    /// Open one connection, then report ``PoolState/connected(_:)`` or ``PoolState/connectFailed(_:)``.
    /// Its place is already counted (`connecting`), so no other event can hand it out twice.
    case connect
    /// Resume this waiter with this connection; it is now leased.
    case hand(Connection, to: Waiter)
    /// Resume this waiter with an error; it no longer waits.
    case fail(Waiter, PoolFailure)
    /// Close this connection; it no longer counts.
    case closeConnection(Connection)
    /// Start the one task that watches the waiters' deadlines (``PoolState/expire(asOf:)``): nobody is yet.
    case watchDeadlines
    /// Every connection is gone after ``PoolState/close(_:)``: resume these callers of close.
    case finishClose([Closer])
}

/// Why a waiter was failed. Plain cases, so the state machine needs no error values of its own but a connect's.
enum PoolFailure {
    case closed
    case timedOut
    case cancelled
    /// The connection made for the oldest waiter could not be made; it gets the reason.
    case connectFailed(any Error)
}

// Actions leave the pool's lock for the task that performs them.
extension PoolAction: Sendable where Connection: Sendable, Waiter: Sendable, Closer: Sendable {}
extension PoolFailure: Sendable {}
