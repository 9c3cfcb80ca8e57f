import Foundation
import ZIPFoundation

/// An XLSX file as a test reads it back: the first sheet's cells by reference (`A1`), each with its type
/// attribute (`inlineStr` for text, none for a number), its style, its formula and its text or value.
struct Workbook {
    struct Cell {
        var type: String?
        var style: String?
        var formula: String?
        var text: String
        var isNumber: Bool { type == nil && Double(text) != nil }
    }

    var cells: [String: Cell] = [:]
    var merges: [String] = []
    var sheetXML: String

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        guard let entry = archive["xl/worksheets/sheet1.xml"] else { throw Failure("no sheet1.xml") }
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        sheetXML = String(decoding: bytes, as: UTF8.self)
        for match in sheetXML.matches(of: /<c r="([A-Z]+[0-9]+)"([^>]*)>(.*?)<\/c>/) {
            let attributes = String(match.2), body = String(match.3)
            let type = attributes.firstMatch(of: /t="([^"]+)"/).map { String($0.1) }
            let style = attributes.firstMatch(of: /s="([^"]+)"/).map { String($0.1) }
            let formula = body.firstMatch(of: /<f>(.*?)<\/f>/).map { String($0.1) }
            let text = body.firstMatch(of: /<t[^>]*>(.*?)<\/t>/).map { String($0.1) }
                ?? body.firstMatch(of: /<v>(.*?)<\/v>/).map { String($0.1) } ?? ""
            cells[String(match.1)] = Cell(type: type, style: style, formula: formula, text: Self.unescaped(text))
        }
        merges = sheetXML.matches(of: /<mergeCell ref="([^"]+)"\/>/).map { String($0.1) }
    }

    subscript(reference: String) -> Cell? { cells[reference] }

    /// The number of the row whose column A reads `text`.
    func row(startingWith text: String) -> Int? {
        cells.filter { $0.key.hasPrefix("A") && $0.value.text == text }.compactMap { Int($0.key.dropFirst()) }.min()
    }

    /// The texts of row `row` from column A on, up to the first gap.
    func texts(row: Int) -> [String] {
        var texts: [String] = []
        for column in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
            guard let cell = cells["\(column)\(row)"] else { break }
            texts.append(cell.text)
        }
        return texts
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
