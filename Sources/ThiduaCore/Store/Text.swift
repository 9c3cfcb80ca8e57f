import Foundation

/// Text as the database keeps it: Unicode NFC, so "Tủa Chùa" typed on any keyboard compares and sorts alike.
enum Text {
    static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// NFC and trimmed; `nil` when nothing is left.
    static func cleaned(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = normalized(text).trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
