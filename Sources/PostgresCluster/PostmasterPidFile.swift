import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a running server writes in `<pgdata>/postmaster.pid`, and whether that server is still alive.
///
/// The file is the server's own account of itself (PostgreSQL's `pg_ctl` reads it too): line 1 the postmaster's
/// pid, 2 the data folder, 3 the start time, 4 the port, 5 the first socket folder, 6 the first listen address
/// (empty when there is no TCP), 7 the shared memory key, 8 the status. A crash leaves it behind, so its presence
/// alone proves nothing: the pid must also be alive.
struct PostmasterPidFile: Equatable {
    var pid: Int32
    var port: Int
    var socketDirectory: String
    var listenAddress: String

    /// Nil when the first line is not a pid. A server still starting may not have written the later lines yet;
    /// they read as empty then.
    init?(parsing text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
        // A standalone backend (postgres --single) writes its pid negated.
        guard let first = lines.first, let pid = Int32(first).map(abs), pid > 0 else { return nil }
        func line(_ number: Int) -> String { lines.count >= number ? lines[number - 1] : "" }
        self.pid = pid
        self.port = Int(line(4)) ?? 0
        self.socketDirectory = line(5)
        self.listenAddress = line(6)
    }

    /// Reads the file; nil when it is missing or not a pid file.
    static func read(_ path: String) throws -> PostmasterPidFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            // It vanished between the two looks: the server just stopped.
            if !FileManager.default.fileExists(atPath: path) { return nil }
            throw PostgresClusterError.directoryNotUsable(
                path: path, reason: "could not read the server's pid file: \(error.localizedDescription)")
        }
        return PostmasterPidFile(parsing: String(decoding: data, as: UTF8.self))
    }

    /// Whether `pid` is a live PostgreSQL process.
    ///
    /// `kill(pid, 0)` says whether the pid exists (EPERM means it does, owned by someone else; as root it always
    /// answers). On Linux `/proc/<pid>/cmdline` then rules out the two ways a stale file can point at a live pid: a
    /// zombie (empty command line) and a pid the system has since given to another program.
    static func isServerAlive(pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        guard let commandLine = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")) else {
            return true  // no /proc (macOS) or it is hidden: trust kill
        }
        let text = String(decoding: commandLine, as: UTF8.self)
        return text.contains("postgres") || text.contains("postmaster")
    }
}
