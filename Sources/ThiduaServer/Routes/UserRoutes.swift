import Foundation
import Hummingbird
import ThiduaCore

/// Administration of users and role grants (`/api/v1/users`): the area's staff directory, create, show (with the
/// live roles), grant, revoke, disable, enable. The policy decides who may; disabling a user ends their sessions at once.
struct UserRoutes: Sendable {
    let users: UserRepository

    struct CreateUser: Decodable {
        var unitID: UUID
        var username: String
        var fullName: String
        var password: String
    }

    struct Created: Encodable, Sendable {
        var id: UUID
    }

    struct RoleGrant: Decodable {
        var role: Role
    }

    struct Reasoned: Decodable {
        var reason: String
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/users") { _, context in
            APIResponse(try await users.directory(as: try context.requireActor()))
        }
        router.post("/api/v1/users") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(CreateUser.self, from: request)
            let id = try await users.create(unitID: body.unitID, username: body.username, fullName: body.fullName, password: body.password, by: actor)
            return APIResponse(Created(id: id), status: .created, location: "/api/v1/users/\(id.uuidString)")
        }
        router.get("/api/v1/users/:id") { _, context in
            let account = try await users.account(try context.uuid("id"), as: try context.requireActor())
            return APIResponse(account, version: account.version)
        }
        router.post("/api/v1/users/:id/roles") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(RoleGrant.self, from: request)
            try await users.grant(body.role, to: try context.uuid("id"), by: actor)
            return HTTPResponse.Status.noContent
        }
        router.delete("/api/v1/users/:id/roles/:role") { request, context in
            let actor = try context.requireActor()
            guard let role = context.parameters.get("role").flatMap(Role.init(rawValue:)) else { throw APIError.badParameter("role") }
            let reason = request.uri.queryParameters["reason"].map(String.init) ?? ""
            try await users.revoke(role, from: try context.uuid("id"), reason: reason, by: actor)
            return HTTPResponse.Status.noContent
        }
        router.post("/api/v1/users/:id/disable") { request, context in try await setActive(false, request, context) }
        router.post("/api/v1/users/:id/enable") { request, context in try await setActive(true, request, context) }
    }

    func setActive(_ active: Bool, _ request: Request, _ context: ThiduaRequestContext) async throws -> HTTPResponse.Status {
        let actor = try context.requireActor()
        let body = try await JSONBody.decode(Reasoned.self, from: request)
        try await users.setActive(active, user: try context.uuid("id"), reason: body.reason, by: actor)
        return .noContent
    }
}
