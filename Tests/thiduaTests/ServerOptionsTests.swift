import ArgumentParser
import Testing
@testable import thidua

/// The server's options as a deployment gives them: behind nginx with TLS the session cookie must be Secure.
@Suite("ServerOptionsTests")
struct ServerOptionsTests {
    @Test("--behind-tls marks the session cookie Secure; without it the server serves plain HTTP on loopback")
    func behindTLS() throws {
        #expect(try ServerOptions.parse(["--behind-tls"]).resolvedBehindTLS())
        #expect(try ServerOptions.parse([]).behindTLS == false)
    }
}
