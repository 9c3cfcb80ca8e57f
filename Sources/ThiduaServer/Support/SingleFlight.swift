import Synchronization

/// Lets one piece of heavy work run at a time: a second caller is turned away at once rather than queued.
final class SingleFlight: Sendable {
    private let running = Mutex(false)

    /// Runs `work` unless another run is in progress, in which case it throws `busy`.
    func run<T: Sendable>(orThrow busy: @autoclosure () -> any Error, _ work: () async throws -> T) async throws -> T {
        let entered = running.withLock { running in
            if running { return false }
            running = true
            return true
        }
        guard entered else { throw busy() }
        defer { running.withLock { $0 = false } }
        return try await work()
    }
}
