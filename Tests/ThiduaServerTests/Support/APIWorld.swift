import Foundation
import Hummingbird
import HummingbirdTesting
import Postgres
import ThiduaOffice
import ThiduaCore
import ThiduaSchema
import ThiduaServer
import ThiduaTesting

/// A ``RecordsWorld`` served by the real application over real HTTP on a random port, as the application role;
/// auditors verify the chain through the world's `thidua_verifier` login unless `verifier` is false. Decisions
/// have no PDF unless a test passes LibreOffice's `pdfConverter`, so no test depends on what the machine has.
/// The test client connects from loopback: `trustedProxies: IPNetwork.loopback` makes it a proxy whose
/// `X-Forwarded-For` names the client.
enum APIWorld {
    static func run(
        samples: SampleLog = SampleLog(), verifier: Bool = true, pdfConverter: PDFConverter? = nil, secureCookies: Bool = false,
        trustedProxies: [IPNetwork] = [], _ body: @Sendable (RecordsWorld, APIClient) async throws -> Void
    ) async throws {
        let world = try await RecordsWorld.make()
        let verifierURL = verifier ? try world.database.connectionString(user: ThiduaSchema.verifierRole) : nil
        let app = ThiduaApplication.make(pool: world.pool, configuration: .init(
            port: 0, secureCookies: secureCookies, trustedProxies: trustedProxies, auditVerifierURL: verifierURL, pdfConverter: pdfConverter,
            ballotKey: world.store.ballotKey))
        try await app.test(.live) { client in
            try await body(world, APIClient(client: client, samples: samples))
        }
    }
}

extension IPNetwork {
    /// Where the test client connects from, either spelling.
    static let loopback = [IPNetwork("127.0.0.1")!, IPNetwork("::1")!]
}

extension UUID {
    /// As the API writes ids.
    var lower: String { uuidString.lowercased() }
}
