import Foundation
import PostgresCluster

/// The benchmark's own PostgreSQL: a throwaway cluster in a fresh temporary folder, started like the tests'
/// (`fsync`, `synchronous_commit` and `full_page_writes` off, as for the pgbench baselines in STACK.md), and
/// a scratch folder beside it for the pgbench scripts and logs.
///
/// ```swift
/// let cluster = try BenchCluster.start(profile: false)
/// defer { cluster.remove() }
/// let url = try cluster.connectionString(database: "thidua", user: "thidua_app")
/// ```
struct BenchCluster: Sendable {
    /// Server settings on top of the throwaway defaults: room for two clients' connections at once, and a
    /// statement log whose lines ``StatementCapture`` can take apart.
    static let settings = [
        "max_connections": "200",
        "shared_buffers": "512MB",
        "log_min_messages": "warning",
        "log_line_prefix": "%m [%p] ",
    ]

    let cluster: PostgresCluster
    let binaries: PostgresBinaries
    /// Holds `cluster/` (the server's) and `pgbench/` (scripts and transaction logs).
    let folder: String

    var scratch: String { folder + "/pgbench" }
    var logFile: String { cluster.logFile }
    var socketDirectory: String { cluster.socketDirectory }

    /// `profile` adds ``BenchProfile/settings``.
    static func start(profile: Bool) throws -> BenchCluster {
        var template = Array("/tmp/thidua-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let folder = String(cString: made)
        // As root the server runs as `postgres`, which must pass through this folder to reach its own.
        chmod(folder, 0o755)
        try FileManager.default.createDirectory(atPath: folder + "/pgbench", withIntermediateDirectories: true)
        let cluster = PostgresCluster(
            directory: folder + "/cluster",
            options: .init(port: nil, durable: false, settings: profile ? settings.merging(BenchProfile.settings) { $1 } : settings))
        let binaries = try PostgresBinaries.find()
        try cluster.initialiseIfNeeded()
        try cluster.start()
        return BenchCluster(cluster: cluster, binaries: binaries, folder: folder)
    }

    func connectionString(database: String, user: String = PostgresCluster.superuser) throws -> String {
        try cluster.connectionString(database: database, user: user)
    }

    /// The server's port (it listens on the Unix socket only; the port names the socket file).
    func port() throws -> Int {
        try running().port
    }

    /// The postmaster's process id.
    func postmaster() throws -> Int32 {
        try running().pid
    }

    private func running() throws -> PostgresCluster.Running {
        guard case .running(let running) = try cluster.status() else {
            throw PostgresClusterError.notRunning(directory: cluster.directory)
        }
        return running
    }

    /// Stops the server and deletes everything.
    func remove() {
        try? cluster.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Starts a throwaway cluster, runs `body` with it and removes it afterwards, on failure and on Ctrl-C too,
    /// unless `keep` (then it stays for a look with psql). Failures come out as the command's exit codes.
    static func throwaway(profile: Bool, keep: Bool = false, _ body: (BenchCluster) async throws -> Void) async throws {
        let cluster: BenchCluster
        do {
            cluster = try start(profile: profile)
        } catch {
            throw CommandFailure.exit(for: error)
        }
        let interruption = BenchInterruption { cluster.remove() }
        defer { interruption.cancel() }
        do {
            try await body(cluster)
        } catch {
            if !keep { cluster.remove() }
            throw CommandFailure.exit(for: error)
        }
        if !keep { cluster.remove() }
    }
}
