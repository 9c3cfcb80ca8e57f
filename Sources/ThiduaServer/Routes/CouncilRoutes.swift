import Foundation
import Hummingbird
import ThiduaCore

/// Council review sessions (`/api/v1/council`): the secretariat opens and closes them, members vote and
/// recuse. A session carries its version as `ETag`; closing needs it back. A vote carries its own version:
/// 0 casts it, the current one changes it. The minutes are a page to print, or their data as JSON.
struct CouncilRoutes: Sendable {
    let council: CouncilRepository

    struct OpenRequest: Decodable {
        var roundID: UUID
        var title: String
        var nominations: [UUID]
        var ruleID: UUID?
        var excused: [UUID]?
    }

    struct VoteRequest: Decodable {
        var choice: VoteChoice
        var comment: String?
        var version: Int
    }

    struct RecusalRequest: Decodable {
        var nominationID: UUID
        var reason: String
    }

    struct CloseRequest: Decodable {
        var version: Int?
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/council/rules") { _, context in
            APIResponse(try await council.rules(as: try context.requireActor()))
        }
        router.get("/api/v1/council/sessions") { _, context in
            APIResponse(try await council.sessions(as: try context.requireActor()))
        }
        router.post("/api/v1/council/sessions") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(OpenRequest.self, from: request)
            let session = try await council.open(
                round: body.roundID, title: body.title, nominations: body.nominations, rule: body.ruleID,
                excused: Set(body.excused ?? []), by: actor)
            return APIResponse(session, status: .created, version: session.version, location: "/api/v1/council/sessions/\(session.id.uuidString)")
        }
        router.get("/api/v1/council/sessions/:id") { _, context in
            let session = try await council.session(try context.uuid("id"), as: try context.requireActor())
            return APIResponse(session, version: session.version)
        }
        router.get("/api/v1/council/sessions/:id/minutes") { _, context in
            let minutes = try await council.minutes(try context.uuid("id"), as: try context.requireActor())
            return PrintedDocument(data: minutes, page: minutes, template: .minutes)
        }
        router.post("/api/v1/council/sessions/:id/close") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(CloseRequest.self, from: request)
            let version = try EntityTag.requiredVersion(in: request, body: body.version)
            let session = try await council.close(try context.uuid("id"), version: version, by: actor)
            return APIResponse(session, version: session.version)
        }
        router.put("/api/v1/council/sessions/:id/votes/:nomination") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(VoteRequest.self, from: request)
            let vote = try await council.vote(
                body.choice, comment: body.comment, on: try context.uuid("nomination"), in: try context.uuid("id"),
                version: body.version, by: actor)
            return APIResponse(vote, version: vote.version)
        }
        router.post("/api/v1/council/sessions/:id/recusals") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(RecusalRequest.self, from: request)
            let recusal = try await council.recuse(from: body.nominationID, in: try context.uuid("id"), reason: body.reason, by: actor)
            return APIResponse(recusal, status: .created)
        }
    }
}
