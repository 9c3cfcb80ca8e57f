import Foundation
import PostgresCluster

/// Runs SQL through the real `psql`, so the tests check the server as any client sees it, not through our own code.
enum Psql {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The single value (or the `|`-separated row) `sql` returns, whitespace trimmed.
    @discardableResult
    static func value(_ conninfo: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PostgresBinaries.find().psql)
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = (try? output.fileHandleForReading.readToEnd()) ?? Data()
        let errorData = (try? errors.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "psql failed (\(process.terminationStatus)) on \(sql): "
                + String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
