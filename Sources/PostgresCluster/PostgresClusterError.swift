/// Why a cluster could not be created, started, stopped or reached.
///
/// Each message says what went wrong and what a person can do about it, because these errors end up
/// printed by `thidua demo` and `thidua db …` in front of someone who did not write this code.
public enum PostgresClusterError: Error, CustomStringConvertible, Equatable {
    /// The PostgreSQL programs were not in any of these folders.
    case binariesNotFound(searched: [String])
    /// A PostgreSQL program exited with an error. `logTail` holds the server log's last lines when the server
    /// was involved (empty otherwise), since the real reason for a failed start is written there.
    case commandFailed(command: String, exitCode: Int32, output: String, logTail: String)
    /// The cluster's folder cannot be used as it is.
    case directoryNotUsable(path: String, reason: String)
    /// We run as root but could not find or create the system user the server must run as.
    case serverUserUnavailable(user: String, reason: String)
    /// The question needs a running server (for example the port of a cluster started on a free port).
    case notRunning(directory: String)
    /// No free loopback port could be picked.
    case noFreePort(reason: String)

    public var description: String {
        switch self {
        case .binariesNotFound(let searched):
            let places = searched.isEmpty ? "nowhere (no candidate folder exists)" : searched.joined(separator: ", ")
            return """
                PostgreSQL programs (\(PostgresBinaries.requiredTools.joined(separator: ", "))) were not found \
                together in one folder. Looked in: \(places). Install the PostgreSQL server \
                (Debian/Ubuntu: apt-get install postgresql; macOS: brew install postgresql@15), \
                or set \(PostgresBinaries.overrideVariable) to the folder that holds them.
                """
        case .commandFailed(let command, let exitCode, let output, let logTail):
            var message = "Command failed with exit code \(exitCode): \(command)"
            let trimmedOutput = output.trimmingWhitespace()
            if !trimmedOutput.isEmpty { message += "\nOutput:\n\(trimmedOutput)" }
            let trimmedLog = logTail.trimmingWhitespace()
            if !trimmedLog.isEmpty { message += "\nLast lines of the server log:\n\(trimmedLog)" }
            return message
        case .directoryNotUsable(let path, let reason):
            return "Cannot use \(path) for the PostgreSQL cluster: \(reason)"
        case .serverUserUnavailable(let user, let reason):
            return """
                Running as root, so PostgreSQL must run as the system user '\(user)' \
                (initdb and postgres refuse root), but that user is not usable: \(reason). \
                Create it (useradd --system --no-create-home \(user)) or run thidua as a normal user.
                """
        case .notRunning(let directory):
            return "The PostgreSQL cluster in \(directory) is not running; start it first (thidua db start)."
        case .noFreePort(let reason):
            return "Could not pick a free loopback port for PostgreSQL: \(reason). Give a fixed port instead."
        }
    }
}

extension String {
    /// Without leading and trailing spaces and newlines; Foundation's spelling is long and we need it for messages.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
