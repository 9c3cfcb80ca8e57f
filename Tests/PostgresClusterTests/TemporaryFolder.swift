import Foundation

/// A fresh folder under /tmp (from `mkdtemp`), removed with everything in it when the body ends.
///
/// Each test gets its own, so its cluster's socket and data never meet another test's. /tmp keeps the socket
/// path short, well under the Unix socket limit.
enum TemporaryFolder {
    static func with<T>(_ body: (String) throws -> T) throws -> T {
        var template = Array("/tmp/pgcluster-test.XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "mkdtemp failed"])
        }
        let path = String(cString: created)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }
}
