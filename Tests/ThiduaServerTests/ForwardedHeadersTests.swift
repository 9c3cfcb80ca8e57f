import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaServer
import ThiduaTesting

/// `X-Forwarded-For` and `X-Forwarded-Proto` over HTTP: believed from a trusted proxy (the test client, on
/// loopback, when the server is told to trust it), ignored from anyone else. The address a sign-in is counted
/// under is read back from `sign_in_attempts`.
@Suite("ForwardedHeadersTests")
struct ForwardedHeadersTests {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    func wrongSignIn(_ api: APIClient, forwardedFor: String) async throws {
        let reply = try await api.send(.post, "/api/v1/sessions", json: ["username": "clerka", "password": "sai"],
                                       headers: [Self.forwardedFor: forwardedFor])
        #expect(reply.status == .unauthorized)
    }

    /// The addresses the attempts were recorded under, oldest first.
    func recordedAddresses(_ world: RecordsWorld) async throws -> [String] {
        try await world.superuser { connection in
            try await connection.query("SELECT host(address) FROM thidua.sign_in_attempts ORDER BY id").map { try $0.decode(String.self, at: 0) }
        }
    }

    @Test("from a trusted proxy the client is the right-most X-Forwarded-For entry that is not a trusted proxy")
    func forwardedForFromTrustedProxy() async throws {
        try await APIWorld.run(verifier: false, trustedProxies: IPNetwork.loopback) { world, api in
            // What the client wrote itself (left) proves nothing; a second trusted hop (right) is skipped.
            try await wrongSignIn(api, forwardedFor: "192.0.2.1, 198.51.100.7")
            try await wrongSignIn(api, forwardedFor: "203.0.113.9, 127.0.0.1")
            #expect(try await recordedAddresses(world) == ["198.51.100.7", "203.0.113.9"])
        }
    }

    @Test("from a peer that is not a trusted proxy a spoofed X-Forwarded-For is ignored: the peer is the address")
    func spoofedForwardedForIgnored() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            try await wrongSignIn(api, forwardedFor: "198.51.100.7")
            let recorded = try await recordedAddresses(world)
            #expect(recorded == ["127.0.0.1"] || recorded == ["::1"], "\(recorded)")
        }
    }

    @Test("the cookie is Secure when a trusted proxy says the browser came over https, and not when anyone else says it")
    func secureFromTrustedProxy() async throws {
        for trusted in [true, false] {
            try await APIWorld.run(verifier: false, trustedProxies: trusted ? IPNetwork.loopback : []) { _, api in
                let reply = try await api.send(.post, "/api/v1/sessions", json: ["username": "clerka", "password": APIClient.password],
                                               headers: [Self.forwardedProto: "https"])
                #expect(reply.status == .created)
                #expect(reply.headers[.setCookie]?.contains("; Secure") == trusted, "\(reply.headers[.setCookie] ?? "")")
            }
        }
    }
}
