import Foundation

/// The medians of `thidua bench http` per client count, as a Markdown table, and the verdict against issue 5's
/// targets.
struct HTTPBenchReport {
    struct Run {
        var http: HTTPLoadResult
        var cpu: HTTPCPUSplit
        var pgbench: LoadResult
        var health: HTTPLoadResult
        var ratio: Double { pgbench.rate > 0 ? http.load.rate / pgbench.rate : 0 }
    }

    /// Milliseconds from spawning `thidua serve` to its first ready answer.
    let startup: Double
    var runs: [Int: [Run]] = [:]
    /// Peak server memory (MiB) after each client count's runs.
    var peakMemory: [Int: Double] = [:]

    init(startup: Double) {
        self.startup = startup
    }

    mutating func add(clients: Int, http: HTTPLoadResult, cpu: HTTPCPUSplit, pgbench: LoadResult, health: HTTPLoadResult) {
        runs[clients, default: []].append(Run(http: http, cpu: cpu, pgbench: pgbench, health: health))
    }

    func median(_ clients: Int, _ value: (Run) -> Double) -> Double { CaseSummary.median((runs[clients] ?? []).map(value)) }

    var markdown: [String] {
        var lines = [
            "| clients | HTTP transitions/s | pgbench transitions/s | HTTP ÷ pgbench | HTTP request p50 / p99 (ms) | pgbench pair p50 (ms) | GET /health req/s | server peak memory |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for clients in runs.keys.sorted() {
            lines.append("| \(clients) | \(BenchReport.rate(median(clients) { $0.http.load.rate })) "
                + "| \(BenchReport.rate(median(clients) { $0.pgbench.rate })) | \(BenchReport.percent(median(clients) { $0.ratio })) "
                + String(format: "| %.1f / %.1f ", median(clients) { $0.http.requestLatency(at: 0.5) }, median(clients) { $0.http.requestLatency(at: 0.99) })
                + String(format: "| %.1f ", median(clients) { $0.pgbench.latency(at: 0.5) })
                + "| \(BenchReport.rate(median(clients) { $0.health.load.rate })) "
                + String(format: "| %.0f MiB |", peakMemory[clients] ?? 0))
        }
        lines += [
            "",
            "CPU per HTTP transition (µs, medians; the whole run, warm-up included):",
            "",
            "| clients | PostgreSQL | thidua serve | load generator | machine cores busy |",
            "|---:|---:|---:|---:|---:|",
        ]
        for clients in runs.keys.sorted() {
            lines.append(String(format: "| %d | %.0f | %.0f | %.0f | %.2f |", clients, median(clients) { $0.cpu.databaseMicroseconds },
                                median(clients) { $0.cpu.serverMicroseconds }, median(clients) { $0.cpu.loadMicroseconds },
                                median(clients) { $0.cpu.machineCores }))
        }
        lines.append("")
        lines.append(String(format: "Start-up to ready (`GET /ready` answers 200): %.0f ms.", startup))
        return lines
    }

    var verdicts: [String] {
        var lines: [String] = []
        if runs[32] != nil {
            let ratio = median(32) { $0.ratio }, p99 = median(32) { $0.http.requestLatency(at: 0.99) }
            lines.append("- 32 clients, ≥ 50% of pgbench: \(BenchReport.percent(ratio)) — \(ratio >= 0.5 ? "met" : "missed")")
            lines.append(String(format: "- 32 clients, p99 < 50 ms: %.1f ms — %@", p99, p99 < 50 ? "met" : "missed"))
            // Closed loop: each client waits for its answer, so the mean latency is clients ÷ rate (Little's law).
            let rate = median(32) { $0.http.load.rate }, bare = median(32) { $0.pgbench.rate }
            lines.append(String(format: "  (32 clients waiting in turn: mean latency = 32 ÷ %.0f/s = %.1f ms; at pgbench's own rate, %.0f/s, it would be %.1f ms)",
                                rate, 32_000 / max(rate, 1), bare, 32_000 / max(bare, 1)))
        }
        if let memory = peakMemory[128] {
            lines.append(String(format: "- memory < 150 MB at 128 clients: %.0f MiB — %@", memory, memory < 150 ? "met" : "missed"))
        }
        lines.append(String(format: "- start-up to ready < 1 s: %.0f ms — %@", startup, startup < 1000 ? "met" : "missed"))
        return lines
    }
}
