import Foundation

/// Text as the database keeps it: Unicode NFC, so "Tủa Chùa" typed on any keyboard compares and sorts alike.
enum Text {
    static func normalized(_ text: String) -> String {
        isNFCAlready(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// NFC and trimmed of white space (Unicode's, as `CharacterSet.whitespacesAndNewlines`); `nil` when
    /// nothing is left.
    static func cleaned(_ text: String?) -> String? {
        guard let text else { return nil }
        let scalars = normalized(text).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhiteSpace($0) }),
              let last = scalars.lastIndex(where: { !isWhiteSpace($0) }) else { return nil }
        return String(scalars[first...last])
    }

    /// Trimmed, lower case, without diacritics (đ as d): how a code or label typed into a spreadsheet is compared,
    /// so "Cá nhân", "ca nhan" and "CÁ NHÂN" are one.
    static func folded(_ text: String) -> String {
        (cleaned(text) ?? "").folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "vi_VN"))
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d").lowercased()
    }

    /// Unicode's White_Space, and the zero-width space that Foundation's set has always counted too.
    private static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}"
    }

    /// True when NFC cannot change `text`: every scalar is below U+0300, a precomposed letter of Latin
    /// Extended Additional (U+1E00–U+1EFF: Vietnamese typed as precomposed letters) or punctuation from
    /// U+2010 to U+206F (dashes, quotation marks). No such scalar decomposes under NFC or composes with
    /// another of them (every canonical composition's second part is a mark from U+0300 up), so Foundation's
    /// normalisation, most of a request's text handling, runs only for text that needs it.
    static func isNFCAlready(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300 || (0x1E00..<0x1F00).contains(scalar.value) || (0x2010..<0x2070).contains(scalar.value)
        }
    }
}
