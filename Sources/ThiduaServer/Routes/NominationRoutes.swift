import Foundation
import Hummingbird
import ThiduaCore

/// Nominations and their workflow (`/api/v1/nominations`). Every response that carries one nomination carries
/// its version as `ETag`; every change needs that version back (`If-Match`, or `version` in the body).
struct NominationRoutes: Sendable {
    let nominations: NominationRepository
    let audit: AuditTrail

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/nominations") { request, context in try await list(request, context) }
        router.post("/api/v1/nominations") { request, context in try await create(request, context) }
        router.get("/api/v1/nominations/:id") { _, context in
            let nomination = try await nominations.get(try context.uuid("id"), as: try context.requireActor())
            return APIResponse(nomination, version: nomination.version)
        }
        router.put("/api/v1/nominations/:id") { request, context in try await edit(request, context) }
        router.post("/api/v1/nominations/:id/transitions") { request, context in try await transition(request, context) }
        router.get("/api/v1/nominations/:id/changes") { _, context in
            APIResponse(try await nominations.changesSinceReturn(try context.uuid("id"), as: try context.requireActor()))
        }
        router.get("/api/v1/nominations/:id/history") { _, context in
            let actor = try context.requireActor()
            // 404 like every other route for a nomination the actor may not see, rather than an empty history.
            let nomination = try await nominations.get(try context.uuid("id"), as: actor)
            return APIResponse(try await audit.history(of: "nominations", id: nomination.id.uuidString.lowercased(), as: actor))
        }
    }

    func list(_ request: Request, _ context: ThiduaRequestContext) async throws -> APIResponse<NominationPage> {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        var filter = NominationFilter(
            roundID: try query.uuid("round"), movementID: try query.uuid("movement"), unitID: try query.uuid("unit"),
            search: query["q"].map(String.init), limit: try query.int("limit", in: 1...500) ?? 50, offset: try query.int("offset", in: 0...1_000_000) ?? 0)
        if let states = query["state"] {
            filter.states = try states.split(separator: ",").map { raw in
                guard let state = NominationState(rawValue: String(raw)) else { throw APIError.badParameter("state") }
                return state
            }
        }
        let items = try await nominations.list(filter, as: actor)
        return APIResponse(NominationPage(items: items, limit: filter.limit, offset: filter.offset))
    }

    func create(_ request: Request, _ context: ThiduaRequestContext) async throws -> APIResponse<Nomination> {
        let actor = try context.requireActor()
        let draft = try await JSONBody.decode(NominationCreateRequest.self, from: request).draft()
        let nomination = try await nominations.create(draft, by: actor)
        return APIResponse(
            nomination, status: .created, version: nomination.version,
            location: "/api/v1/nominations/\(nomination.id.uuidString)")
    }

    func edit(_ request: Request, _ context: ThiduaRequestContext) async throws -> APIResponse<Nomination> {
        let actor = try context.requireActor()
        let id = try context.uuid("id")
        let body = try await JSONBody.decode(NominationContentBody.self, from: request)
        let version = try EntityTag.requiredVersion(in: request, body: body.version)
        let nomination = try await nominations.edit(id, version: version, content: body.content, by: actor)
        return APIResponse(nomination, version: nomination.version)
    }

    func transition(_ request: Request, _ context: ThiduaRequestContext) async throws -> APIResponse<Nomination> {
        let actor = try context.requireActor()
        let id = try context.uuid("id")
        let body = try await JSONBody.decode(TransitionRequest.self, from: request)
        guard body.event != .edit else {
            throw APIError.invalidField(
                "event", vietnamese: "Sửa nội dung dùng PUT /api/v1/nominations/{id}, không phải bước chuyển.",
                english: "Edits go through PUT /api/v1/nominations/{id}, not a transition.")
        }
        guard !body.event.isCouncilStep, !body.event.isDecisionStep else {
            throw APIError.invalidField(
                "event", vietnamese: "Bước này chỉ diễn ra khi mở, kết thúc phiên họp Hội đồng hoặc ký quyết định.",
                english: "This step is taken only by opening or closing a council session, or by signing a decision.")
        }
        let version = try EntityTag.requiredVersion(in: request, body: body.version)
        let nomination = try await nominations.perform(body.event, on: id, version: version, reason: body.reason, by: actor)
        return APIResponse(nomination, version: nomination.version)
    }
}
