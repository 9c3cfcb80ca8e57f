import Foundation
import Hummingbird
import ThiduaCore

/// The plan's reviews and emulation congresses (`/api/v1/reviews`): the exemplars each may choose from, and the
/// secretariat's selections, each with its reason.
struct ReviewRoutes: Sendable {
    let exemplars: ExemplarRepository

    struct Select: Decodable {
        var exemplarID: UUID
        var reason: String
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/reviews") { _, context in
            APIResponse(try await exemplars.reviews(as: try context.requireActor()))
        }
        router.get("/api/v1/reviews/:id/candidates") { _, context in
            APIResponse(try await exemplars.candidates(for: try context.uuid("id"), as: try context.requireActor()))
        }
        router.post("/api/v1/reviews/:id/selections") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Select.self, from: request)
            return APIResponse(try await exemplars.select(body.exemplarID, for: id, reason: body.reason, by: actor), status: .created)
        }
    }
}
