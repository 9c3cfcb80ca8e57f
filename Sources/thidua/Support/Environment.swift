import ArgumentParser
import Foundation

/// Environment-variable fallbacks for options: a flag wins over its variable, the variable over the default.
enum Environment {
    static func string(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    static func integer(_ name: String) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else {
            throw ValidationError("\(name)=\(text) không phải là số / is not a number")
        }
        return value
    }

    /// `1`/`true`/`yes` or `0`/`false`/`no`; anything else is refused rather than guessed.
    static func flag(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: throw ValidationError("\(name)=\(text) phải là 1 hoặc 0 / must be 1 or 0")
        }
    }
}
