import CCrypto
import Foundation
import Postgres

/// A SHA-256 digest: 32 bytes, kept inline (no allocation), compared byte for byte.
///
/// ```swift
/// let digest = SHA256Digest(hashing: Array("abc".utf8))
/// digest.hex   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
/// Computed by OpenSSL's libcrypto (`EVP_Digest` with `EVP_sha256()`), never by hand.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes, in four words in memory order (not numbers: only their bytes mean anything).
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// 32 zero bytes: what the first event of a chain, and the first checkpoint, chain from.
    public static let zero = SHA256Digest(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// The digest whose bytes these are; `nil` unless there are exactly 32.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        self = .zero
        withUnsafeMutableBytes(of: &words) { target in
            for (index, byte) in bytes.enumerated() { target[index] = byte }
        }
    }

    /// Reads 32 bytes from raw memory (which must hold at least 32).
    init(copying raw: UnsafeRawBufferPointer) {
        precondition(raw.count >= 32, "a SHA-256 digest is 32 bytes")
        self = .zero
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<32])) }
    }

    /// The digest from 64 hexadecimal digits (either case); `nil` for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.init(bytes: bytes)
    }

    /// SHA-256 of `bytes`.
    public init(hashing bytes: some ContiguousBytes) {
        self.init { output in
            bytes.withUnsafeBytes { input in
                var length: UInt32 = 0
                let status = EVP_Digest(input.baseAddress, input.count, output, &length, EVP_sha256(), nil)
                precondition(status == 1 && length == 32, "libcrypto failed to compute SHA-256")
            }
        }
    }

    /// A digest whose 32 bytes `fill` writes.
    init(filling fill: (UnsafeMutablePointer<UInt8>) -> Void) {
        self = .zero
        withUnsafeMutableBytes(of: &words) { fill($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    }

    /// The 32 bytes.
    public var bytes: [UInt8] { Swift.withUnsafeBytes(of: words) { Array($0) } }

    /// Lowercase hexadecimal, 64 digits: how `encode(hash, 'hex')` writes it.
    public var hex: String {
        var text: [UInt8] = []
        appendHex(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { hex }

    func appendHex(to buffer: inout [UInt8]) {
        Swift.withUnsafeBytes(of: words) { bytes in
            for byte in bytes {
                buffer.append(Self.hexDigits[Int(byte >> 4)])
                buffer.append(Self.hexDigits[Int(byte & 0x0f)])
            }
        }
    }

    func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try Swift.withUnsafeBytes(of: words, body)
    }

    public static func == (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A `bytea` of exactly 32 bytes; any other length is a decoding error naming the column.
extension SHA256Digest: PostgresCodable {
    public static var postgresType: PostgresDataType { .bytea }

    public func encode(into buffer: inout [UInt8]) {
        withUnsafeBytes { buffer.append(contentsOf: $0) }
    }

    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> SHA256Digest {
        let bytes = try cell.bytes(accepting: .bytea)
        guard bytes.count == 32 else { throw .malformed("a SHA-256 digest is 32 bytes, this is \(bytes.count)") }
        return SHA256Digest(copying: bytes)
    }
}
