#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 network written as an address (`10.0.0.5`, `::1`) or in CIDR notation (`10.0.0.0/8`,
/// `fd00::/8`): what `--trusted-proxy` names. An IPv4 address mapped into IPv6 (`::ffff:10.0.0.5`, as a
/// dual-stack socket reports an IPv4 peer) is the IPv4 address, so one entry covers both spellings.
public struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// 4 or 16 bytes, the bits past `prefixLength` zero.
    let bytes: [UInt8]
    let prefixLength: Int

    /// `nil` unless `text` is an address, optionally with `/prefix` no longer than the address.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = Self.bytes(of: String(parts[0])) else { return nil }
        guard let length = parts.count == 2 ? Int(parts[1]) : address.count * 8, (0...address.count * 8).contains(length) else { return nil }
        prefixLength = length
        bytes = Self.masked(address, to: length)
    }

    /// Whether `address` (4 or 16 bytes, see ``bytes(of:)``) lies in this network.
    func contains(_ address: [UInt8]) -> Bool {
        address.count == bytes.count && Self.masked(address, to: prefixLength) == bytes
    }

    /// `address` with every bit past the first `length` cleared.
    private static func masked(_ address: [UInt8], to length: Int) -> [UInt8] {
        address.enumerated().map { index, byte in
            let kept = max(0, min(8, length - index * 8))
            return kept == 0 ? 0 : byte & ~UInt8((1 << (8 - kept)) - 1)
        }
    }

    public var description: String { "\(Self.text(of: bytes) ?? "?")/\(prefixLength)" }

    /// The 4 or 16 bytes of an IP address in text, an IPv4-mapped IPv6 address as its 4; `nil` for anything else.
    static func bytes(of text: String) -> [UInt8]? {
        // Plain byte buffers of in_addr's and in6_addr's sizes: inet_pton writes network-order bytes.
        var v4 = [UInt8](repeating: 0, count: 4)
        if inet_pton(AF_INET, text, &v4) == 1 { return v4 }
        var bytes = [UInt8](repeating: 0, count: 16)
        guard inet_pton(AF_INET6, text, &bytes) == 1 else { return nil }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return Array(bytes[12...]) }
        return bytes
    }

    /// The usual text of 4 or 16 address bytes (what PostgreSQL's `inet` reads).
    static func text(of bytes: [UInt8]) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        guard bytes.count == 4 || bytes.count == 16,
              bytes.withUnsafeBytes({ inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
