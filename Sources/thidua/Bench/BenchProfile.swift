import Foundation
import Postgres

/// Where the server spends its time, for `thidua bench --profile`: `pg_stat_statements` (with nested
/// statements, so the triggers' and policies' own queries show) and `pg_stat_user_functions` (trigger and
/// SQL functions, self time apart from time in what they call). Both cost a little, so profiled figures run
/// lower than plain ones.
struct BenchProfile {
    static let settings = [
        "shared_preload_libraries": "pg_stat_statements",
        "pg_stat_statements.track": "all",
        "pg_stat_statements.max": "2000",
        "track_functions": "all",
    ]

    let database: BenchDatabase

    func install() async throws {
        try await database.asSuperuser { try await $0.execute(script: "CREATE EXTENSION IF NOT EXISTS pg_stat_statements") }
    }

    func reset() async throws {
        try await database.asSuperuser { try await $0.execute(script: "SELECT pg_stat_statements_reset(); SELECT pg_stat_reset()") }
    }

    /// The statements and functions that took the most time, per transition of a run of `transitions`.
    func report(transitions: Int) async throws -> [String] {
        // Backends flush their function statistics when they end, just after the client disconnects.
        try await Task.sleep(for: .seconds(1))
        let per = Double(max(transitions, 1))
        return try await database.asSuperuser { connection in
            var lines = ["| µs / transition | calls / transition | µs / call | top level | statement |", "|---:|---:|---:|---|---|"]
            for row in try await connection.query("""
                SELECT total_exec_time, calls, toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 150)
                FROM public.pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT 25
                """) {
                let (total, calls, toplevel, query) = try row.decode((Double, Int, Bool, String).self)
                lines.append(String(format: "| %.1f | %.2f | %.1f | ", total * 1000 / per, Double(calls) / per, total * 1000 / Double(max(calls, 1)))
                    + "\(toplevel ? "yes" : "") | `\(query.replacingOccurrences(of: "|", with: "\\|"))` |")
            }
            lines += ["", "| µs / transition (self) | µs / transition (total) | calls / transition | function |", "|---:|---:|---:|---|"]
            for row in try await connection.query("""
                SELECT self_time, total_time, calls, schemaname || '.' || funcname
                FROM pg_catalog.pg_stat_user_functions ORDER BY self_time DESC LIMIT 20
                """) {
                let (selfTime, total, calls, name) = try row.decode((Double, Double, Int, String).self)
                lines.append(String(format: "| %.1f | %.1f | %.2f | ", selfTime * 1000 / per, total * 1000 / per, Double(calls) / per) + "`\(name)` |")
            }
            return lines
        }
    }
}
