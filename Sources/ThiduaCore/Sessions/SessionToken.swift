import Foundation

/// A bearer token: 32 random bytes from the system's cryptographic generator (256 bits), written in base64url.
/// Only its SHA-256 reaches the database.
public struct SessionToken: Sendable, Hashable {
    public let text: String

    /// A new token.
    public init() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        text = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A token as a client sent it; `nil` when it cannot be one of ours (so it is never looked up).
    public init?(text: String) {
        guard text.utf8.count == 43, text.utf8.allSatisfy({ $0.isBase64URL }) else { return nil }
        self.text = text
    }

    /// What the database keeps.
    var digest: Data { Data(SHA256Digest(hashing: Array(text.utf8)).bytes) }
}

private extension UInt8 {
    var isBase64URL: Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || self == UInt8(ascii: "-") || self == UInt8(ascii: "_")
    }
}

extension SessionToken {
    /// A value derived from the token for one purpose (a CSRF token): SHA-256 of the purpose and the token, in
    /// base64url. Knowing it reveals nothing of the token.
    public func derivedProof(purpose: String) -> String {
        Data(SHA256Digest(hashing: Array("\(purpose):\(text)".utf8)).bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
