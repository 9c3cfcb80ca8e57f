/// A `LIKE` pattern for "contains these words", with the user's own `%`, `_` and `\` taken literally.
/// Compared against `thidua.unaccented(lower(…))`, which a trigram index serves.
enum SearchPattern {
    static func contains(_ text: String) -> String {
        var escaped = ""
        for character in Text.normalized(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }
}
