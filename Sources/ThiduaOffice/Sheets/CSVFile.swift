import CSV
import Foundation

/// Comma-separated values as spreadsheets write and read them, through yaslab/CSV.swift (RFC 4180 quoting, CRLF,
/// LF or CR line ends). What the library does not do is done here: the UTF-8 byte-order mark Excel needs to show
/// Vietnamese diacritics rather than mojibake, records keyed by the header's names, and the line of the file each
/// record starts on, so that an import error names the line a person finds in an editor.
public enum CSVFile {
    /// One record: its fields by the header's names, and the line of the file it starts on (1 is the header), as
    /// an editor numbers them: blank lines and line breaks inside quoted fields count.
    public struct Record: Equatable, Sendable {
        public var line: Int
        public var fields: [String: String]

        public subscript(name: String) -> String? { fields[name] }
    }

    /// `rows` as a file: the byte-order mark, the rows with CRLF after each.
    public static func data(_ rows: [[String]]) throws -> Data {
        let stream = OutputStream.toMemory()
        do {
            let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
            for row in rows { try writer.write(row: row) }
        }
        let written = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data("\u{FEFF}".utf8) + written + (rows.isEmpty ? Data() : Data("\r\n".utf8))
    }

    /// The records of `text` (with or without a byte-order mark) after its header line; blank lines are skipped.
    public static func records(_ text: String) throws -> [Record] {
        let rows = try parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = rows.first else { return [] }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return rows.dropFirst().filter { $0.fields != [""] }.map { row in
            Record(line: row.line, fields: Dictionary(zip(names, row.fields), uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The rows of `text`, each with the line it starts on: the line after the previous row's, plus the line
    /// breaks inside its quoted fields (the library keeps them in the field as they were). A blank line is a row
    /// of one empty field.
    public static func parse(_ text: String) throws -> [(line: Int, fields: [String])] {
        let reader = try CSVReader(string: text)
        var rows: [(line: Int, fields: [String])] = []
        var line = 1
        while let fields = reader.next() {
            rows.append((line, fields))
            line += 1 + fields.reduce(0) { $0 + $1.count(where: \.isCSVLineBreak) }
        }
        if let error = reader.error { throw error }
        return rows
    }
}

private extension Character {
    /// `\r\n` is one Character in Swift, so each of these is one line break.
    var isCSVLineBreak: Bool { self == "\r\n" || self == "\n" || self == "\r" }
}
