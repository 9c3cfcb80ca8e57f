import Foundation

/// PostgreSQL's text cannot hold U+0000 (SQLSTATE 22021), and no official's text needs it: a request carrying
/// one is refused where it enters — JSON bodies, forms, query strings — with 422 naming the field, before any
/// permission check or SQL, instead of failing halfway in the database.
enum NULCharacter {
    static func refusal(_ field: String) -> APIError {
        .invalidField(
            field, vietnamese: "Trường “\(field)” chứa ký tự NUL (\\u0000), không lưu được.",
            english: "The field \(field) holds a NUL character (\\u0000), which cannot be stored.")
    }

    /// The path (`nominee.name`, `criteria.2.evidence`) of the first key or string value holding a NUL in a
    /// JSON document, `nil` when none does. JSON writes a NUL only as `\u0000`, so text without that escape is
    /// not parsed a second time.
    static func field(inJSON bytes: Data) -> String? {
        guard bytes.range(of: Data("u0000".utf8)) != nil,
              let document = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        else { return nil }
        return field(in: document, at: [])
    }

    private static func field(in value: Any, at path: [String]) -> String? {
        switch value {
        case let text as String:
            return text.contains("\u{0}") ? (path.isEmpty ? "body" : path.joined(separator: ".")) : nil
        case let object as [String: Any]:
            for key in object.keys.sorted() {
                if key.contains("\u{0}") { return (path + [key.replacingOccurrences(of: "\u{0}", with: "\\u0000")]).joined(separator: ".") }
                if let found = field(in: object[key]!, at: path + [key]) { return found }
            }
            return nil
        case let array as [Any]:
            for (index, element) in array.enumerated() {
                if let found = field(in: element, at: path + [String(index)]) { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// The first name among `fields` (name → values) whose name or a value holds a NUL.
    static func field(in fields: [String: [String]]) -> String? {
        fields.keys.sorted().first { name in name.contains("\u{0}") || fields[name]!.contains { $0.contains("\u{0}") } }
            .map { $0.replacingOccurrences(of: "\u{0}", with: "\\u0000") }
    }
}
