import Foundation

/// Comma-separated values as spreadsheets read them: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order
/// mark so Excel shows Vietnamese diacritics rather than mojibake.
struct CSVWriter {
    private(set) var text = "\u{FEFF}"

    mutating func row(_ fields: [String]) {
        text += fields.map(Self.quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
