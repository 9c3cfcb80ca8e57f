import Foundation
import Glibc
import PostgresCluster

/// `thidua serve` as a separate process over the benchmark's database, as it runs in production: its start-up
/// time to a ready answer, its memory, and its end.
struct ServerChild {
    let process: SpawnedProcess
    let port: Int
    /// From spawning to the first `200` of `GET /ready` (database reachable, schema current).
    let startup: Duration

    /// Starts this same executable as `thidua serve` on a free port, logging at `warning` (a line per request
    /// would measure the log), and waits until it is ready.
    static func start(databaseURL: String, poolSize: Int?, logFile: String) throws -> ServerChild {
        let port = try LoopbackPort.pickFree()
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let clock = ContinuousClock()
        let began = clock.now
        let process = try SpawnedProcess.launch(
            "/usr/bin/env",
            ["THIDUA_LOG_LEVEL=warning", executable, "serve", "--database-url", databaseURL, "--port", "\(port)"]
                + (poolSize.map { ["--pool-size", "\($0)"] } ?? []),
            output: logFile)
        while clock.now - began < .seconds(30) {
            if let connection = try? RawHTTPClient(port: port), let reply = try? connection.send("GET", "/ready"), reply.status == 200 {
                return ServerChild(process: process, port: port, startup: clock.now - began)
            }
            usleep(2_000)
        }
        process.terminate()
        throw BenchFailure.http("thidua serve was not ready within 30 s; see \(logFile)")
    }

    /// The most memory the server has held so far (`VmHWM`), in MiB.
    func peakMemoryMiB() -> Double {
        let status = (try? String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        let kilobytes = line.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Double($0) } ?? 0
        return kilobytes / 1024
    }

    func stop() async {
        process.terminate()
        _ = await process.exitStatus()
    }
}
