import Foundation

/// The server's log file, read for its last lines.
///
/// When the server fails to start, pg_ctl only says "could not start server"; the reason (port taken, bad
/// setting, permissions) is in the log, so errors quote its end.
enum ServerLog {
    /// The last `lines` lines of the file, or "" when it cannot be read. Only its end is read: the log grows
    /// across runs.
    static func tail(of path: String, lines: Int = 20) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return "" }
        let window: UInt64 = 16_384
        try? handle.seek(toOffset: size > window ? size - window : 0)
        guard let data = try? handle.readToEnd() else { return "" }
        var all = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if all.last?.isEmpty == true { all.removeLast() }
        return all.suffix(lines).joined(separator: "\n")
    }
}
