import Foundation

/// Reads back, from the server's log, the exact statements a piece of work sent as `thidua_app`.
///
/// Statement logging is switched on for the application role's new sessions (`log_statement = all`), the
/// work runs on connections it opens itself, and the log lines written meanwhile are taken apart: a
/// simple-protocol statement is logged as `statement: …`, a prepared one as `execute <name>: …` followed by
/// `DETAIL:  parameters: $1 = '…', …`, and continuation lines of a multi-line message start with a tab.
struct StatementCapture {
    let database: BenchDatabase
    let logFile: String

    func capture(_ work: () async throws -> Void) async throws -> [CapturedStatement] {
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
        return try Self.parse(log: text)
    }

    /// The statements in a stretch of server log, in order.
    static func parse(log: String) throws -> [CapturedStatement] {
        var entries: [String] = []
        for line in log.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("\t"), !entries.isEmpty {
                entries[entries.count - 1] += "\n" + line.dropFirst()
            } else if !line.isEmpty {
                entries.append(String(line))
            }
        }
        var statements: [CapturedStatement] = []
        for entry in entries {
            if let range = entry.range(of: "LOG:  statement: ") {
                statements.append(CapturedStatement(sql: String(entry[range.upperBound...]), parameters: []))
            } else if let range = entry.range(of: "LOG:  execute ") {
                let rest = entry[range.upperBound...]
                guard let colon = rest.range(of: ": ") else { throw BenchFailure.capture("unreadable log line: \(entry)") }
                statements.append(CapturedStatement(sql: String(rest[colon.upperBound...]), parameters: []))
            } else if let range = entry.range(of: "DETAIL:  parameters: "), !statements.isEmpty {
                statements[statements.count - 1].parameters = try parameters(entry[range.upperBound...])
            }
        }
        return statements
    }

    /// `$1 = 'text', $2 = NULL, $3 = 'it''s'` → `["text", nil, "it's"]`. Read byte by byte: a quote is
    /// never part of a multi-byte character.
    static func parameters(_ text: Substring) throws -> [String?] {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "'")
        var values: [String?] = []
        var index = 0
        func starts(with prefix: String) -> Bool {
            let prefix = Array(prefix.utf8)
            return bytes.count - index >= prefix.count && Array(bytes[index..<index + prefix.count]) == prefix
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), let equals = (index..<bytes.count).first(where: { at in
                bytes.count - at >= 3 && bytes[at] == UInt8(ascii: " ") && bytes[at + 1] == UInt8(ascii: "=")
                    && bytes[at + 2] == UInt8(ascii: " ")
            }) else {
                throw BenchFailure.capture("unreadable parameters: \(text.prefix(200))")
            }
            index = equals + 3
            if starts(with: "NULL") {
                values.append(nil)
                index += 4
            } else if index < bytes.count, bytes[index] == quote {
                var value: [UInt8] = []
                index += 1
                while true {
                    guard index < bytes.count else { throw BenchFailure.capture("unterminated parameter in: \(text.prefix(200))") }
                    let byte = bytes[index]
                    index += 1
                    if byte != quote {
                        value.append(byte)
                    } else if index < bytes.count, bytes[index] == quote {
                        value.append(quote)
                        index += 1
                    } else {
                        break
                    }
                }
                values.append(String(decoding: value, as: UTF8.self))
            } else {
                throw BenchFailure.capture("unreadable parameter value in: \(text.prefix(200))")
            }
            if starts(with: ", ") { index += 2 }
        }
        return values
    }
}
