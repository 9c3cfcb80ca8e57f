import Foundation

/// The benchmark's figures as Markdown tables, and the verdict against issue 3's targets: at least 3,000
/// audited transitions per second with row-level security on, at least 70% of pgbench running the same
/// statements, and row-level security costing under 10%.
struct BenchReport {
    static let minimumRate = 3_000.0
    static let minimumRatio = 0.70
    static let maximumRowLevelSecurityCost = 0.10

    let concurrencies: [Int]
    private(set) var runs: [BenchCase: [RunPair]] = [:]

    init(concurrencies: [Int]) {
        self.concurrencies = concurrencies
    }

    mutating func add(_ pair: RunPair, for benchCase: BenchCase) {
        runs[benchCase, default: []].append(pair)
    }

    func summary(_ benchCase: BenchCase) -> CaseSummary? {
        runs[benchCase].map(CaseSummary.init)
    }

    /// 1 − rate with RLS ÷ rate without, from the medians.
    func rowLevelSecurityCost(concurrency: Int, pgbench: Bool) -> Double? {
        guard let on = summary(BenchCase(rowLevelSecurity: true, concurrency: concurrency, singleUnit: false)),
              let off = summary(BenchCase(rowLevelSecurity: false, concurrency: concurrency, singleUnit: false))
        else { return nil }
        let (with, without) = pgbench ? (on.pgbenchRate, off.pgbenchRate) : (on.swiftRate, off.swiftRate)
        return without > 0 ? 1 - with / without : nil
    }

    var markdown: [String] {
        var lines = [
            "| RLS | tasks | Swift transitions/s | pgbench transitions/s | Swift ÷ pgbench | Swift p50 / p99 ms | pgbench p50 / p99 ms |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for concurrency in concurrencies {
            for rls in [true, false] {
                guard let s = summary(BenchCase(rowLevelSecurity: rls, concurrency: concurrency, singleUnit: false)) else { continue }
                lines.append("| \(rls ? "on" : "off") | \(concurrency) | \(Self.rate(s.swiftRate)) | \(Self.rate(s.pgbenchRate)) | "
                    + "\(Self.percent(s.ratio)) | \(Self.milliseconds(s.swiftLatency)) | \(Self.milliseconds(s.pgbenchLatency)) |")
            }
        }
        lines.append("")
        lines.append("Cost of row-level security (1 − rate on ÷ rate off, medians):")
        for concurrency in concurrencies {
            let swift = rowLevelSecurityCost(concurrency: concurrency, pgbench: false).map(Self.percent) ?? "—"
            let pgbench = rowLevelSecurityCost(concurrency: concurrency, pgbench: true).map(Self.percent) ?? "—"
            lines.append("- \(concurrency) tasks: repositories \(swift), pgbench \(pgbench)")
        }
        lines.append("")
        lines.append("Where the time went (medians; sessions are the application role's, sampled every 50 ms):")
        lines.append("")
        lines.append("| case | client | client CPU µs / transition | server CPU µs / transition | machine CPU cores (other processes) | sessions running | waiting on a lock | idle in transaction |")
        lines.append("|---|---|---:|---:|---:|---:|---:|---:|")
        for benchCase in runs.keys.sorted(by: Self.order) {
            guard let s = summary(benchCase) else { continue }
            lines.append(Self.observationRow(benchCase, "repositories", s.swiftObservation, rate: s.swiftRate))
            lines.append(Self.observationRow(benchCase, "pgbench", s.pgbenchObservation, rate: s.pgbenchRate))
        }
        if let widest = concurrencies.max(),
           let one = summary(BenchCase(rowLevelSecurity: true, concurrency: widest, singleUnit: true)),
           let all = summary(BenchCase(rowLevelSecurity: true, concurrency: widest, singleUnit: false)) {
            lines.append("")
            lines.append("Serialisation, \(widest) tasks, RLS on: every task on one unit against tasks spread over all units:")
            lines.append("")
            lines.append("| units | Swift transitions/s | pgbench transitions/s | sessions waiting on a lock (Swift / pgbench) | Swift p50 / p99 ms |")
            lines.append("|---|---:|---:|---:|---:|")
            lines.append("| all | \(Self.rate(all.swiftRate)) | \(Self.rate(all.pgbenchRate)) | "
                + "\(Self.decimal(all.swiftObservation.lockWaiting)) / \(Self.decimal(all.pgbenchObservation.lockWaiting)) | \(Self.milliseconds(all.swiftLatency)) |")
            lines.append("| one | \(Self.rate(one.swiftRate)) | \(Self.rate(one.pgbenchRate)) | "
                + "\(Self.decimal(one.swiftObservation.lockWaiting)) / \(Self.decimal(one.pgbenchObservation.lockWaiting)) | \(Self.milliseconds(one.swiftLatency)) |")
        }
        let failures = runs.values.flatMap { $0 }.reduce(0) { $0 + $1.swift.failures + $1.pgbench.failures }
        if failures > 0 {
            let first = runs.values.flatMap { $0 }.lazy.compactMap { $0.swift.firstFailure ?? $0.pgbench.firstFailure }.first ?? ""
            lines.append("")
            lines.append("\(failures) transactions failed; the first: \(first)")
        }
        return lines
    }

    /// One line per target, each saying met or missed with the figures.
    var verdicts: [String] {
        var lines: [String] = []
        for concurrency in concurrencies {
            guard let s = summary(BenchCase(rowLevelSecurity: true, concurrency: concurrency, singleUnit: false)) else { continue }
            lines.append("\(Self.mark(s.swiftRate >= Self.minimumRate)) \(concurrency) tasks, RLS on: "
                + "\(Self.rate(s.swiftRate)) transitions/s (target ≥ \(Self.rate(Self.minimumRate)))")
            lines.append("\(Self.mark(s.ratio >= Self.minimumRatio)) \(concurrency) tasks, RLS on: "
                + "\(Self.percent(s.ratio)) of pgbench's rate (target ≥ \(Self.percent(Self.minimumRatio)))")
            if let cost = rowLevelSecurityCost(concurrency: concurrency, pgbench: false) {
                lines.append("\(Self.mark(cost < Self.maximumRowLevelSecurityCost)) \(concurrency) tasks: row-level security "
                    + "costs \(Self.percent(cost)) (target < \(Self.percent(Self.maximumRowLevelSecurityCost)))")
            }
        }
        return lines
    }

    private static func observationRow(_ benchCase: BenchCase, _ client: String, _ o: Observation, rate: Double) -> String {
        let perTransition = { (cores: Double) in rate > 0 ? String(format: "%.0f", cores * 1_000_000 / rate) : "—" }
        let name = "RLS \(benchCase.rowLevelSecurity ? "on" : "off"), \(benchCase.concurrency) tasks\(benchCase.singleUnit ? ", one unit" : "")"
        let others = max(o.machineCores - o.clientCores - o.serverCores, 0)
        return "| \(name) | \(client) | \(perTransition(o.clientCores)) | \(perTransition(o.serverCores)) | "
            + "\(decimal(o.machineCores)) (\(decimal(others))) | \(decimal(o.running)) | \(decimal(o.lockWaiting)) | \(decimal(o.idleInTransaction)) |"
    }

    private static func order(_ a: BenchCase, _ b: BenchCase) -> Bool {
        (a.singleUnit ? 1 : 0, a.concurrency, a.rowLevelSecurity ? 0 : 1) < (b.singleUnit ? 1 : 0, b.concurrency, b.rowLevelSecurity ? 0 : 1)
    }

    static func mark(_ met: Bool) -> String { met ? "MET   " : "MISSED" }

    /// Whole number with thousands separated by commas: 12,345.
    static func rate(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0, character != "-" { grouped.append(",") }
            grouped.append(character)
        }
        return String(grouped.reversed())
    }

    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }

    static func milliseconds(_ pair: (p50: Double, p99: Double)) -> String {
        String(format: "%.2f / %.2f", pair.p50, pair.p99)
    }
}
