import Foundation

/// Reads RFC 4180 comma-separated values (quoted fields with commas, quotes and line breaks), with or without
/// a byte-order mark, into rows keyed by the header line's names, each with the line of the file it starts on.
enum CSVReader {
    /// One record: its fields by the header's names, and the line of the file it starts on (1 is the header), as
    /// an editor numbers them: blank lines and line breaks inside quoted fields count.
    struct Record: Equatable {
        var line: Int
        var fields: [String: String]

        subscript(name: String) -> String? { fields[name] }
    }

    static func records(_ text: String) -> [Record] {
        let rows = parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = rows.first else { return [] }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        return rows.dropFirst().filter { $0.fields != [""] }.map { row in
            Record(line: row.line, fields: Dictionary(zip(names, row.fields), uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The rows of `text`, each with the line it starts on. A line break is `\r\n`, `\n` or `\r`, inside quotes
    /// or not; a blank line is a row of one empty field.
    static func parse(_ text: String) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var line = 1, rowStart = 1
        var characters = text.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    if character.isCSVLineBreak { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case _ where character.isCSVLineBreak:
                row.append(field); field = ""
                rows.append((rowStart, row)); row = []
                line += 1
                rowStart = line
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append((rowStart, row))
        }
        return rows
    }
}

private extension Character {
    /// `\r\n` is one Character in Swift, so each of these is one line break.
    var isCSVLineBreak: Bool { self == "\r\n" || self == "\n" || self == "\r" }
}
