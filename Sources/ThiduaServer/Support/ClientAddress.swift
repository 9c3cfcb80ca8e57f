import Foundation

/// Who a request comes from, as sign-in throttling counts it, and whether the browser reached us over HTTPS.
///
/// Behind nginx every request's TCP peer is nginx, so throttling by the peer would make everyone one address.
/// A proxy the server trusts (`--trusted-proxy`) appends the address it was reached from to `X-Forwarded-For`;
/// the client is the right-most entry that is not itself a trusted proxy, since everything left of that was
/// written by the client and proves nothing. From any other peer the header is ignored: anyone could send it.
///
/// ```swift
/// let resolver = ClientAddress(trustedProxies: [IPNetwork("10.0.0.0/8")!])
/// resolver.client(peer: "10.0.0.2", forwardedFor: ["203.0.113.7, 10.0.0.3"])   // "203.0.113.7"
/// resolver.client(peer: "198.51.100.4", forwardedFor: ["203.0.113.7"])        // "198.51.100.4"
/// ```
public struct ClientAddress: Sendable, Hashable {
    public let trustedProxies: [IPNetwork]

    public init(trustedProxies: [IPNetwork] = []) {
        self.trustedProxies = trustedProxies
    }

    /// The client's address: the peer's, or from a trusted peer the right-most untrusted `X-Forwarded-For`
    /// entry (every `X-Forwarded-For` line of the request, in order). An entry that is not an address stops the
    /// walk at the nearest trusted hop, which then stands for the client: throttled together rather than not at all.
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard let peer, let peerBytes = IPNetwork.bytes(of: peer) else { return peer }
        var nearest = peerBytes
        if isTrusted(peerBytes) {
            let entries = forwardedFor.flatMap { $0.split(separator: ",") }.map { Self.address(in: String($0)) }
            for entry in entries.reversed() {
                guard let entry else { break }
                nearest = entry
                if !isTrusted(entry) { break }
            }
        }
        return IPNetwork.text(of: nearest) ?? peer
    }

    /// Whether the browser's connection is HTTPS: only a trusted proxy may say so, with `X-Forwarded-Proto: https`
    /// (its right-most value, the one the proxy nearest to us wrote).
    public func isHTTPS(peer: String?, forwardedProto: [String]) -> Bool {
        guard let peer, let peerBytes = IPNetwork.bytes(of: peer), isTrusted(peerBytes),
              let proto = forwardedProto.flatMap({ $0.split(separator: ",") }).last else { return false }
        return proto.trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }

    private func isTrusted(_ address: [UInt8]) -> Bool { trustedProxies.contains { $0.contains(address) } }

    /// The address of one `X-Forwarded-For` entry, which may carry a port (`203.0.113.7:51234`,
    /// `[2001:db8::1]:443`).
    private static func address(in entry: String) -> [UInt8]? {
        var text = Substring(entry.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
            text = text[text.index(after: text.startIndex)..<end]
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = text[..<colon]
        }
        return IPNetwork.bytes(of: String(text))
    }
}
