import Foundation

/// One statement as the server logged it under `log_statement = all`: its text, its parameters as text
/// (`nil` for NULL) and, when `log_line_prefix` holds `[%p]`, the process that ran it.
///
/// ```swift
/// let sent = try LoggedStatement.parse(log: text).filter { $0.processID == backend }.map(\.sql)
/// ```
public struct LoggedStatement: Sendable, Equatable {
    public var sql: String
    public var parameters: [String?]
    public var processID: Int32?

    public init(sql: String, parameters: [String?] = [], processID: Int32? = nil) {
        self.sql = sql
        self.parameters = parameters
        self.processID = processID
    }

    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The statements in a stretch of server log, in order. A simple-protocol statement is logged as
    /// `statement: …`, a prepared one as `execute <name>: …` followed by `DETAIL:  parameters: $1 = '…', …`;
    /// continuation lines of a multi-line message start with a tab.
    public static func parse(log: String) throws(Unreadable) -> [LoggedStatement] {
        var entries: [String] = []
        for line in log.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("\t"), !entries.isEmpty {
                entries[entries.count - 1] += "\n" + line.dropFirst()
            } else if !line.isEmpty {
                entries.append(String(line))
            }
        }
        var statements: [LoggedStatement] = []
        for entry in entries {
            if let range = entry.range(of: "LOG:  statement: ") {
                statements.append(LoggedStatement(sql: String(entry[range.upperBound...]), processID: processID(entry[..<range.lowerBound])))
            } else if let range = entry.range(of: "LOG:  execute ") {
                let rest = entry[range.upperBound...]
                guard let colon = rest.range(of: ": ") else { throw Unreadable(description: "unreadable log line: \(entry)") }
                statements.append(LoggedStatement(sql: String(rest[colon.upperBound...]), processID: processID(entry[..<range.lowerBound])))
            } else if let range = entry.range(of: "DETAIL:  parameters: "), !statements.isEmpty {
                statements[statements.count - 1].parameters = try parameters(entry[range.upperBound...])
            }
        }
        return statements
    }

    /// The number in the last `[…]` of a line's prefix (`%m [%p] `), if there is one.
    private static func processID(_ prefix: Substring) -> Int32? {
        guard let open = prefix.lastIndex(of: "["), let close = prefix[open...].firstIndex(of: "]") else { return nil }
        return Int32(prefix[prefix.index(after: open)..<close])
    }

    /// `$1 = 'text', $2 = NULL, $3 = 'it''s'` → `["text", nil, "it's"]`. Read byte by byte: a quote is
    /// never part of a multi-byte character.
    static func parameters(_ text: Substring) throws(Unreadable) -> [String?] {
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
                throw Unreadable(description: "unreadable parameters: \(text.prefix(200))")
            }
            index = equals + 3
            if starts(with: "NULL") {
                values.append(nil)
                index += 4
            } else if index < bytes.count, bytes[index] == quote {
                var value: [UInt8] = []
                index += 1
                while true {
                    guard index < bytes.count else { throw Unreadable(description: "unterminated parameter in: \(text.prefix(200))") }
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
                throw Unreadable(description: "unreadable parameter value in: \(text.prefix(200))")
            }
            if starts(with: ", ") { index += 2 }
        }
        return values
    }
}
