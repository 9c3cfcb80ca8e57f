/// Quoting for `/bin/sh`.
///
/// `pg_ctl -o` does not take an argument list: it pastes the string into a `/bin/sh -c "exec postgres …"`
/// command line. Every option value we pass through it is therefore single-quoted, which the shell takes literally.
enum ShellQuoting {
    /// `value` as one shell word: unchanged when it holds only safe characters, otherwise single-quoted
    /// (a single quote inside becomes `'\''`).
    static func quote(_ value: String) -> String {
        let safe = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "=", "@", "%", "+", ",": true
            default: false
            }
        }
        if safe { return value }
        return "'" + value.replacingAll("'", with: "'\\''") + "'"
    }

    /// The words quoted and joined with spaces, ready for `pg_ctl -o`.
    static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}

extension String {
    /// Every occurrence of `target` replaced, without needing Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
