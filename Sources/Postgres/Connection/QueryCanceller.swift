import CLibPQ
import Foundation
import Synchronization

/// Asks the server to cancel whatever a connection is running (`PQcancel`), when the Swift task that runs
/// it is cancelled: a request whose client went away, or a caller that gave up, frees its backend at once
/// instead of at the statement timeout.
///
/// A cancel request travels on a connection of its own and may arrive after the statement ended, so it
/// could hit the connection's *next* statement; a connection once cancelled is therefore never reused
/// (``wasUsed`` makes the pool close it).
final class QueryCanceller: Sendable {
    private let cancel: Mutex<OpaquePointer?>
    private let used = Atomic<Bool>(false)

    /// `PQgetCancel` of a live connection; `nil` when libpq could not make one (cancel then does nothing).
    init(_ handle: OpaquePointer) {
        // The handle is made here and from now on touched only under the mutex.
        nonisolated(unsafe) let made = PQgetCancel(handle)
        cancel = Mutex(made)
    }

    deinit { invalidate() }

    var wasUsed: Bool { used.load(ordering: .acquiring) }

    /// Sends the cancel request from a thread of its own: it makes a network connection, which must hold
    /// neither the cooperative pool nor the connection's busy thread.
    func cancelRunningStatement() {
        guard !used.exchange(true, ordering: .acquiringAndReleasing) else { return }
        Thread.detachNewThread { [self] in
            cancel.withLock { cancel in
                guard let cancel else { return }
                var message = [CChar](repeating: 0, count: 256)
                _ = PQcancel(cancel, &message, Int32(message.count))
            }
        }
    }

    /// The connection is closing: no cancel may be sent through it any more.
    func invalidate() {
        cancel.withLock { cancel in
            if let handle = cancel { PQfreeCancel(handle) }
            cancel = nil
        }
    }
}
