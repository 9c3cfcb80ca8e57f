/// One run of a case: the repositories and pgbench, one after the other, on the same database.
struct RunPair: Sendable {
    var swift: LoadResult
    var pgbench: LoadResult

    /// The Swift rate as a fraction of pgbench's.
    var ratio: Double { pgbench.rate > 0 ? swift.rate / pgbench.rate : 0 }
}
