import Foundation
import Postgres
import ThiduaSchema

/// Watches a measurement window from the side over a superuser connection of its own: every 50 ms, how many
/// of the application role's sessions run a statement, wait on a lock, or wait for their client inside a
/// transaction; and the CPU the client process, the benchmark's server processes and the whole machine
/// (other users of it included) used over the window.
///
/// Sessions waiting on their client point at the client (or the round trips) as the limit; sessions waiting
/// on `Lock` point at serialisation in the database (the quota row, a chain).
struct ServerObserver {
    let superuser: String
    /// The benchmark cluster's postmaster, whose children are the server processes counted.
    let postmaster: Int32
    static let interval = Duration.milliseconds(50)

    /// Starts `delay` seconds from now and watches for `duration` seconds.
    func observe(client pid: Int32, after delay: Double, for duration: Double) async throws -> Observation {
        let connection = try await PostgresConnection.connect(to: superuser)
        defer { connection.close() }
        try await Task.sleep(for: .seconds(delay))
        let clock = ContinuousClock()
        let end = clock.now + .seconds(duration)
        let before = CPUSnapshot(client: pid, postmaster: postmaster)
        var sums = [0, 0, 0, 0]
        var samples = 0
        while clock.now < end {
            let row = try await connection.query("""
                SELECT count(*) FILTER (WHERE state = 'active'),
                       count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock'),
                       count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'LWLock'),
                       count(*) FILTER (WHERE state = 'idle in transaction')
                FROM pg_catalog.pg_stat_activity WHERE usename = \(ThiduaSchema.applicationRole)
                """).first!
            let counts = try row.decode((Int, Int, Int, Int).self)
            sums[0] += counts.0
            sums[1] += counts.1
            sums[2] += counts.2
            sums[3] += counts.3
            samples += 1
            try await Task.sleep(for: Self.interval)
        }
        let after = CPUSnapshot(client: pid, postmaster: postmaster)
        let n = Double(max(samples, 1))
        let elapsed = max(after.machineTotal - before.machineTotal, 1e-9) / Double(ProcessInfo.processInfo.activeProcessorCount)
        return Observation(
            running: Double(sums[0]) / n, lockWaiting: Double(sums[1]) / n,
            lightweightLockWaiting: Double(sums[2]) / n, idleInTransaction: Double(sums[3]) / n,
            clientCores: (after.client - before.client) / elapsed,
            serverCores: after.serverSeconds(since: before) / elapsed,
            machineCores: (after.machineBusy - before.machineBusy) / elapsed)
    }
}
