import ArgumentParser
import Testing
import ThiduaServer
@testable import thidua

/// The server's options as a deployment gives them: behind nginx with TLS the session cookie must be Secure.
@Suite("ServerOptionsTests")
struct ServerOptionsTests {
    @Test("--behind-tls marks the session cookie Secure; without it the server serves plain HTTP on loopback")
    func behindTLS() throws {
        #expect(try ServerOptions.parse(["--behind-tls"]).resolvedBehindTLS())
        #expect(try ServerOptions.parse([]).behindTLS == false)
    }

    @Test("--trusted-proxy is repeatable, takes addresses and CIDRs, and refuses anything else; none by default")
    func trustedProxies() throws {
        let options = try ServerOptions.parse(["--trusted-proxy", "127.0.0.1", "--trusted-proxy", "10.0.0.0/8"])
        #expect(try options.resolvedTrustedProxies().map(\.description) == ["127.0.0.1/32", "10.0.0.0/8"])
        #expect(throws: ValidationError.self) { try ServerOptions.parse(["--trusted-proxy", "nginx"]).resolvedTrustedProxies() }
        #expect(try ServerOptions.parse([]).resolvedTrustedProxies().isEmpty)
        #expect(ServerOptions.helpMessage().contains("--trusted-proxy"))
    }
}
