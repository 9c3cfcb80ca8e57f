/// What one client (the repositories or pgbench) achieved in one measurement window.
///
/// A transition is one audited workflow step: creating a draft counts one, submitting it another. Latency is
/// per create-and-submit pair, which is what one pgbench transaction (one run of its script) is too.
struct LoadResult: Sendable {
    var transitions = 0
    /// Transitions of the whole run, warm-up and stragglers included (what server-side statistics cover).
    var allTransitions = 0
    var seconds = 0.0
    /// Milliseconds per create-and-submit pair that ended in the window.
    var pairLatencies: [Double] = []
    var failures = 0
    var firstFailure: String?
    var observation: Observation?

    var rate: Double { seconds > 0 ? Double(transitions) / seconds : 0 }

    /// The latency at `fraction` (0.5 for the median), by the nearest-rank method; 0 without samples.
    func latency(at fraction: Double) -> Double {
        guard !pairLatencies.isEmpty else { return 0 }
        let sorted = pairLatencies.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    mutating func merge(_ other: LoadResult) {
        transitions += other.transitions
        allTransitions += other.allTransitions
        pairLatencies += other.pairLatencies
        failures += other.failures
        firstFailure = firstFailure ?? other.firstFailure
    }
}
