import Foundation
import Hummingbird

/// `GET /openapi.yaml`: the contract this server follows (Sources/ThiduaServer/openapi.yaml, shipped with it).
struct ContractRoutes: Sendable {
    static var contract: Data {
        get throws { try Data(contentsOf: Bundle.module.url(forResource: "openapi", withExtension: "yaml")!) }
    }

    func add(to router: Router<some RequestContext>) {
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: try Self.contract)))
        }
    }
}
