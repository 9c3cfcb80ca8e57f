import Foundation
import PostgresCluster

/// pgbench running the repository's statements (``PgbenchScript``) against the same database, as
/// `thidua_app`, with as many clients as the Swift run has tasks and a thread per client (`-j`, as the Swift
/// side has a thread per pooled connection: with only two threads, pgbench gets less of the two cores than
/// the 32 server processes it waits on, and measures its own starvation), `-M prepared` (the repositories
/// prepare their statements too), and a per-transaction log (`-l`) from which the window's rate and
/// latencies are read the same way as the Swift run's.
struct PgbenchLoad {
    let cluster: BenchCluster
    let observer: ServerObserver
    let script: String
    /// Every `-D name=value` but `units`.
    let definitions: [(String, String)]

    /// Writes the script under the cluster's scratch folder.
    init(cluster: BenchCluster, observer: ServerObserver, script: PgbenchScript, describing: String,
         definitions: [(String, String)]) throws {
        self.cluster = cluster
        self.observer = observer
        self.definitions = definitions
        self.script = cluster.scratch + "/audited-write-path.sql"
        try script.text(describing: describing).write(toFile: self.script, atomically: true, encoding: .utf8)
    }

    /// Client k works for unit k % `units` of the unit table, as Swift task k does.
    func run(units: Int, concurrency: Int, warmup: Int, seconds: Int, label: String) async throws -> LoadResult {
        let folder = cluster.scratch + "/" + label
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let arguments = [
            "-c", "\(concurrency)", "-j", "\(concurrency)", "-T", "\(warmup + seconds)",
            "-l", "--log-prefix", folder + "/pgbench_log",
        ] + (try common(units: units))

        let outputPath = folder + "/pgbench.out"
        let launched = Date().timeIntervalSince1970
        let process = try SpawnedProcess.launch(cluster.binaries.pgbench, arguments, output: outputPath)
        let observation: Observation
        do {
            observation = try await observer.observe(client: process.pid, after: Double(warmup), for: Double(seconds))
        } catch {
            process.terminate()
            _ = await process.exitStatus()
            throw error
        }
        let status = await process.exitStatus()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw BenchFailure.pgbench(status: status, output: String(text.suffix(4000))) }

        let window = MeasurementWindow(start: launched + Double(warmup), end: launched + Double(warmup + seconds))
        var result = try Self.read(logsIn: folder, window: window)
        result.seconds = window.seconds
        result.observation = observation
        if text.contains("aborted") {
            result.failures += 1
            result.firstFailure = result.firstFailure
                ?? text.split(separator: "\n").first { $0.contains("aborted") }.map(String.init)
        }
        return result
    }

    /// Connection, protocol, variables and the script: all but the clients, the duration and the log.
    func common(units: Int) throws -> [String] {
        var arguments = ["-n", "-M", "prepared", "-h", cluster.socketDirectory, "-p", "\(try cluster.port())", "-U", "thidua_app"]
        arguments += (definitions + [("units", "\(units)")]).flatMap { ["-D", "\($0.0)=\($0.1)"] }
        return arguments + ["-f", script, "thidua"]
    }

    /// Writes ``common(units:)`` one per line, for `xargs -d '\n' -a <file> pgbench -c 8 -j 8 -T 10`.
    func saveArguments(units: Int, to path: String) throws {
        try (try common(units: units)).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Reads pgbench's per-transaction logs: `client transaction latency_us script epoch_s epoch_us` per line.
    /// A transaction is one create and one submit, two transitions.
    static func read(logsIn folder: String, window: MeasurementWindow) throws -> LoadResult {
        var result = LoadResult()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasPrefix("pgbench_log") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count >= 6, let epoch = Double(fields[4]), let micro = Double(fields[5]) else { continue }
                let end = epoch + micro / 1_000_000
                if Double(fields[2]) != nil { result.allTransitions += 2 }
                guard window.contains(end) else { continue }
                guard let latency = Double(fields[2]) else {
                    result.failures += 1
                    result.firstFailure = result.firstFailure ?? "pgbench logged a failed transaction: \(line)"
                    continue
                }
                result.transitions += 2
                result.pairLatencies.append(latency / 1000)
            }
        }
        return result
    }
}
