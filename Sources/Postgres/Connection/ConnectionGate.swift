import Synchronization

/// Who may touch a connection's libpq handle, checked rather than promised: one operation at a time, and a
/// close asked for while an operation runs waits for it to end instead of freeing the handle under it.
///
/// libpq's `PGconn` is not safe to use from two threads at once, and `PQfinish` during a call is a
/// use-after-free; ``PostgresConnection`` asks this gate before every operation and every close.
final class ConnectionGate: Sendable {
    private struct State {
        var busy = false
        var closeRequested = false
        var closed = false
    }

    private let state = Mutex(State())

    enum Entry {
        case entered
        case busy
        case closed
    }

    /// Starts an operation: `.busy` when another runs (the caller refuses), `.closed` when the connection is.
    func enter() -> Entry {
        state.withLock { state in
            if state.closed || state.closeRequested { return .closed }
            if state.busy { return .busy }
            state.busy = true
            return .entered
        }
    }

    /// Ends an operation; true when a close was asked for meanwhile and the caller must now close.
    func leave() -> Bool {
        state.withLock { state in
            state.busy = false
            guard state.closeRequested, !state.closed else { return false }
            state.closed = true
            return true
        }
    }

    /// Asks to close: true when the caller must close now; false when it is closed already, or will be by the
    /// operation running (``leave()``).
    func requestClose() -> Bool {
        state.withLock { state in
            guard !state.closed, !state.closeRequested else { return false }
            state.closeRequested = true
            guard !state.busy else { return false }
            state.closed = true
            return true
        }
    }

    var isClosed: Bool { state.withLock { $0.closed || $0.closeRequested } }
}
