import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// The first worksheet of an XLSX file as rows of text, each with its row number as Excel shows it: what an
/// import reads from a template filled in Excel or LibreOffice (shared strings, inline strings, numbers, booleans).
/// Formulas give their cached value; styles, merges and other sheets are ignored.
public enum XLSXReader {
    public struct Unreadable: Error, Sendable {}

    public static func rows(_ data: Data) throws -> [(line: Int, fields: [String])] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Unreadable()
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return bytes
        }
        let shared = try part("xl/sharedStrings.xml").map { SharedStrings.parse($0) } ?? []
        guard let sheet = try part("xl/worksheets/sheet1.xml") else { throw Unreadable() }
        return try SheetCells.parse(sheet, shared: shared)
    }

    /// The column index (0-based) of a cell reference such as "C12".
    static func column(of reference: String) -> Int {
        reference.unicodeScalars.prefix { $0.properties.isAlphabetic }
            .reduce(0) { $0 * 26 + Int($1.value - UnicodeScalar("A").value + 1) } - 1
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current = ""
    private var inText = false

    static func parse(_ data: Data) -> [String] {
        let delegate = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }
}

/// A worksheet's `<row r>` of `<c r t><v/></c>` or `<c t="inlineStr"><is><t/></is></c>` cells.
private final class SheetCells: NSObject, XMLParserDelegate {
    private let shared: [String]
    private var rows: [(line: Int, fields: [String])] = []
    private var line = 0
    private var fields: [String] = []
    private var column = 0
    private var type = ""
    private var value = ""
    private var collecting = false

    private init(shared: [String]) {
        self.shared = shared
    }

    static func parse(_ data: Data, shared: [String]) throws -> [(line: Int, fields: [String])] {
        let delegate = SheetCells(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else { throw XLSXReader.Unreadable() }
        return delegate.rows
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            line = attributes["r"].flatMap(Int.init) ?? line + 1
            fields = []
        case "c":
            column = attributes["r"].map(XLSXReader.column(of:)) ?? fields.count
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            collecting = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            collecting = false
        case "c":
            let text = type == "s" ? Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "" : value
            while fields.count < column { fields.append("") }
            fields.append(text)
        case "row":
            rows.append((line, fields))
        default:
            break
        }
    }
}
