import Foundation

/// One run of an external program to completion, its standard output and error captured together.
///
/// Run through ``ChildProcess`` rather than Foundation's `Process`, which never sees `pg_ctl start` end (see there).
///
/// The PostgreSQL tools explain their failures on stderr and progress on stdout; keeping both, in order,
/// gives the error message everything a person needs to see.
struct ExternalCommand: Sendable, CustomStringConvertible {
    /// What a finished command left behind.
    struct Outcome: Sendable {
        var exitCode: Int32
        var output: String
        var succeeded: Bool { exitCode == 0 }
    }

    var executable: String
    var arguments: [String]
    /// The folder the program starts in. Under `runuser` the caller's folder may be unreadable for the server
    /// user, so server commands start in the cluster's own folder.
    var workingDirectory: String?

    init(_ executable: String, _ arguments: [String], workingDirectory: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
    }

    /// The command as one could paste it in a shell.
    var description: String {
        ([executable] + arguments).map(ShellQuoting.quote).joined(separator: " ")
    }

    /// Runs the program and waits for it. Throws only when it cannot be launched; a non-zero exit is an outcome.
    func run() throws -> Outcome {
        do {
            let finished = try ChildProcess.run(
                executable, arguments, environment: Self.environment, workingDirectory: workingDirectory)
            return Outcome(exitCode: finished.exitCode, output: String(decoding: finished.output, as: UTF8.self))
        } catch {
            throw PostgresClusterError.commandFailed(
                command: description, exitCode: -1, output: "could not launch the program: \(error.message)",
                logTail: "")
        }
    }

    /// Our environment without the `PG…` variables: `PGDATA`, `PGPORT`, `PGHOST` and friends set for some other
    /// server must not steer this cluster's tools; every setting they need is passed explicitly.
    private static var environment: [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PG") }
    }
}
