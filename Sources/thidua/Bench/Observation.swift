/// Where the time went during a measurement window: what the application role's server sessions were
/// doing (sampled from `pg_stat_activity`) and how much CPU the client and the whole machine used.
struct Observation: Sendable {
    /// Mean sessions executing a statement, of which waiting on a heavyweight lock (a row or transaction
    /// lock: the quota row, a chain) and waiting on an internal lock (LWLock: buffers, WAL).
    var running = 0.0
    var lockWaiting = 0.0
    var lightweightLockWaiting = 0.0
    /// Mean sessions inside a transaction waiting for their client's next statement.
    var idleInTransaction = 0.0
    /// CPU cores used on average by the client process, by the benchmark's PostgreSQL, and by the whole
    /// machine (whatever else runs on it included).
    var clientCores = 0.0
    var serverCores = 0.0
    var machineCores = 0.0
}
