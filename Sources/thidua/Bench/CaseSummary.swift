/// The medians of a case's runs: rates, the per-run ratio, latencies and where the time went.
struct CaseSummary {
    var swiftRate: Double
    var pgbenchRate: Double
    var ratio: Double
    var swiftLatency: (p50: Double, p99: Double)
    var pgbenchLatency: (p50: Double, p99: Double)
    var swiftObservation: Observation
    var pgbenchObservation: Observation
    var failures: Int
    var firstFailure: String?

    init(_ runs: [RunPair]) {
        swiftRate = Self.median(runs.map(\.swift.rate))
        pgbenchRate = Self.median(runs.map(\.pgbench.rate))
        ratio = Self.median(runs.map(\.ratio))
        swiftLatency = (Self.median(runs.map { $0.swift.latency(at: 0.5) }), Self.median(runs.map { $0.swift.latency(at: 0.99) }))
        pgbenchLatency = (Self.median(runs.map { $0.pgbench.latency(at: 0.5) }), Self.median(runs.map { $0.pgbench.latency(at: 0.99) }))
        swiftObservation = Self.median(runs.compactMap(\.swift.observation))
        pgbenchObservation = Self.median(runs.compactMap(\.pgbench.observation))
        failures = runs.reduce(0) { $0 + $1.swift.failures + $1.pgbench.failures }
        firstFailure = runs.lazy.compactMap { $0.swift.firstFailure ?? $0.pgbench.firstFailure }.first
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Field by field.
    static func median(_ observations: [Observation]) -> Observation {
        Observation(
            running: median(observations.map(\.running)),
            lockWaiting: median(observations.map(\.lockWaiting)),
            lightweightLockWaiting: median(observations.map(\.lightweightLockWaiting)),
            idleInTransaction: median(observations.map(\.idleInTransaction)),
            clientCores: median(observations.map(\.clientCores)),
            serverCores: median(observations.map(\.serverCores)),
            machineCores: median(observations.map(\.machineCores)))
    }
}
