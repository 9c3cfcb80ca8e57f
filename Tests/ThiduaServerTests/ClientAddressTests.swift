import Testing
@testable import ThiduaServer

/// Which address a request counts as for throttling, and who may say it came over HTTPS: the parsing of
/// `--trusted-proxy`, `X-Forwarded-For` and `X-Forwarded-Proto`, without a server.
@Suite("ClientAddressTests")
struct ClientAddressTests {
    let behindNginx = ClientAddress(trustedProxies: [IPNetwork("127.0.0.1")!, IPNetwork("10.0.0.0/8")!, IPNetwork("fd00::/8")!])

    @Test("addresses and CIDR networks parse, with their host bits cleared; anything else is refused")
    func networks() {
        #expect(IPNetwork("10.1.2.3/8")?.description == "10.0.0.0/8")
        #expect(IPNetwork("192.0.2.7")?.description == "192.0.2.7/32")
        #expect(IPNetwork("2001:db8::1/32")?.description == "2001:db8::/32")
        #expect(IPNetwork("::ffff:10.0.0.5")?.description == "10.0.0.5/32")
        for wrong in ["", "nginx", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0/8", "::1/129", "10.0.0.0/8/8", "10.0.0.0/ 8"] {
            #expect(IPNetwork(wrong) == nil, "\(wrong)")
        }
        #expect(IPNetwork("10.0.0.0/8")!.contains(IPNetwork.bytes(of: "10.255.0.1")!))
        #expect(!IPNetwork("10.0.0.0/8")!.contains(IPNetwork.bytes(of: "11.0.0.1")!))
        #expect(!IPNetwork("10.0.0.0/8")!.contains(IPNetwork.bytes(of: "fd00::1")!))
    }

    @Test("from a trusted proxy, the client is the right-most X-Forwarded-For entry that is not a trusted proxy")
    func rightMostUntrusted() {
        #expect(behindNginx.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        // Left of the first untrusted entry is what the client wrote itself: a lie costs it nothing.
        #expect(behindNginx.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4, 203.0.113.7"]) == "203.0.113.7")
        // Trusted hops (a second proxy) are skipped, across several header lines too.
        #expect(behindNginx.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.2, 203.0.113.7", "10.0.0.3"]) == "203.0.113.7")
        #expect(behindNginx.client(peer: "fd00::2", forwardedFor: ["[2001:db8::7]:443, 10.0.0.3:8443"]) == "2001:db8::7")
        #expect(behindNginx.client(peer: "::ffff:127.0.0.1", forwardedFor: [" 203.0.113.7:51234 "]) == "203.0.113.7")
        // Nothing forwarded, or only proxies: the nearest of them.
        #expect(behindNginx.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        #expect(behindNginx.client(peer: "127.0.0.1", forwardedFor: ["10.0.0.9, 10.0.0.3"]) == "10.0.0.9")
        // An entry that is no address: the trusted hop nearest to it stands for the client.
        #expect(behindNginx.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7, unknown, 10.0.0.3"]) == "10.0.0.3")
        #expect(behindNginx.client(peer: "127.0.0.1", forwardedFor: ["unknown"]) == "127.0.0.1")
    }

    @Test("from any other peer X-Forwarded-For is ignored, and without trusted proxies it always is")
    func spoofedHeaderIgnored() {
        #expect(behindNginx.client(peer: "198.51.100.9", forwardedFor: ["203.0.113.7"]) == "198.51.100.9")
        #expect(ClientAddress().client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == "127.0.0.1")
        #expect(behindNginx.client(peer: nil, forwardedFor: ["203.0.113.7"]) == nil)
    }

    @Test("only a trusted proxy's X-Forwarded-Proto: https counts as HTTPS, its right-most value")
    func https() {
        #expect(behindNginx.isHTTPS(peer: "127.0.0.1", forwardedProto: ["https"]))
        #expect(behindNginx.isHTTPS(peer: "10.0.0.3", forwardedProto: ["http, HTTPS"]))
        #expect(!behindNginx.isHTTPS(peer: "127.0.0.1", forwardedProto: ["https, http"]))
        #expect(!behindNginx.isHTTPS(peer: "127.0.0.1", forwardedProto: []))
        #expect(!behindNginx.isHTTPS(peer: "198.51.100.9", forwardedProto: ["https"]))
        #expect(!ClientAddress().isHTTPS(peer: "127.0.0.1", forwardedProto: ["https"]))
    }
}
