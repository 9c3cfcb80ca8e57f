import Foundation

/// Where the CPU went during one HTTP run, per transition: PostgreSQL's processes, the `thidua serve` child and
/// this process (the load generator), from `/proc` before and after the whole run, warm-up included, divided
/// by every transition of the run. It says who holds the rate back on a machine whose cores are all busy.
struct HTTPCPUSplit: Sendable {
    var databaseMicroseconds = 0.0
    var serverMicroseconds = 0.0
    var loadMicroseconds = 0.0
    /// Cores the whole machine kept busy on average, other tenants included.
    var machineCores = 0.0

    /// What to read before a run: the server child as the "client" of one snapshot, this process of the other.
    struct Mark {
        let server: CPUSnapshot
        let load: CPUSnapshot

        init(server pid: Int32, postmaster: Int32) {
            server = CPUSnapshot(client: pid, postmaster: postmaster)
            load = CPUSnapshot(client: getpid(), postmaster: postmaster)
        }
    }

    init() {}

    init(from before: Mark, to after: Mark, transitions: Int) {
        let per = 1_000_000 / Double(max(transitions, 1))
        databaseMicroseconds = after.server.serverSeconds(since: before.server) * per
        serverMicroseconds = (after.server.client - before.server.client) * per
        loadMicroseconds = (after.load.client - before.load.client) * per
        let elapsed = max(after.server.machineTotal - before.server.machineTotal, 1e-9) / Double(ProcessInfo.processInfo.activeProcessorCount)
        machineCores = (after.server.machineBusy - before.server.machineBusy) / elapsed
    }
}
