import Foundation

/// The key secret ballots are sealed under (0033): 32 random bytes the server keeps in a file of its own, never
/// in the database, its backups or its logs. Every instance serving one database needs the same key, and a
/// session's ballots can be counted only with the key they were cast under.
public struct BallotKey: Sendable, Hashable {
    let bytes: [UInt8]

    /// The key of these 32 bytes; `nil` for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        self.bytes = Array(bytes)
    }

    /// A new key from the system's cryptographic generator.
    public static func random() -> BallotKey {
        var generator = SystemRandomNumberGenerator()
        return BallotKey(bytes: (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })!
    }

    /// The key as a key file holds it: 64 hexadecimal digits (a final newline is ignored).
    public init?(fileContents: String) {
        let hex = fileContents.trimmingCharacters(in: .whitespacesAndNewlines)
        guard hex.utf8.count == 64, let digest = SHA256Digest(hex: hex) else { return nil }
        self.init(bytes: digest.bytes)
    }

    /// What a key file holds.
    public var fileContents: String { bytes.map { String(format: "%02x", $0) }.joined() + "\n" }
}
