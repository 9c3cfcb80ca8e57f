import Foundation
import PostgresCluster

/// Reads back, from the server's log, the exact statements a piece of work sent as `thidua_app`.
///
/// Statement logging is switched on for the application role's new sessions (`log_statement = all`), the
/// work runs on connections it opens itself, and the log lines written meanwhile are taken apart by
/// ``LoggedStatement/parse(log:)``.
struct StatementCapture {
    let database: BenchDatabase
    let logFile: String

    func capture(_ work: () async throws -> Void) async throws -> [LoggedStatement] {
        try await database.setStatementLogging(true)
        let offset = (try? FileManager.default.attributesOfItem(atPath: logFile)[.size] as? UInt64) ?? 0
        do {
            try await work()
        } catch {
            try? await database.setStatementLogging(false)
            throw error
        }
        try await database.setStatementLogging(false)
        guard let handle = FileHandle(forReadingAtPath: logFile) else {
            throw BenchFailure.capture("cannot read the server log \(logFile)")
        }
        defer { try? handle.close() }
        try handle.seek(toOffset: offset)
        let text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        do {
            return try LoggedStatement.parse(log: text)
        } catch {
            throw BenchFailure.capture(error.description)
        }
    }
}
