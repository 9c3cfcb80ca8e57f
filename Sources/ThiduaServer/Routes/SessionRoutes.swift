import Foundation
import Hummingbird
import ThiduaCore

/// Signing in and out, who am I, and changing one's password (`/api/v1/sessions`, `/api/v1/me`).
struct SessionRoutes: Sendable {
    let sessions: SessionRepository
    let secureCookies: Bool

    func add(to router: Router<ThiduaRequestContext>) {
        router.post("/api/v1/sessions") { request, context in try await signIn(request, context) }
        router.delete("/api/v1/sessions/current") { _, context in try await signOut(context) }
        router.get("/api/v1/me") { _, context in APIResponse(MeResponse(try context.requireActor())) }
        router.put("/api/v1/me/password") { request, context in try await changePassword(request, context) }
    }

    /// 201 with the token in the body (API, CLI) and in an `HttpOnly` cookie (pages). Wrong credentials are 401
    /// with one message for all causes; a try while too many recent failures make it wait is 429 with `Retry-After`.
    func signIn(_ request: Request, _ context: ThiduaRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(SignInRequest.self, from: request)
        let session = try await sessions.signIn(username: body.username, password: body.password, address: context.clientAddress)
        guard let actor = try await sessions.actor(for: session.token, requestID: context.requestID) else {
            throw ThiduaError.invalidCredentials
        }
        let payload = SessionResponse(
            token: session.token.text, expiresAt: session.expiresAt,
            csrfToken: SessionCookie.csrfToken(for: session.token), me: MeResponse(actor))
        var response = try APIResponse(payload, status: .created).response(from: request, context: context)
        response.headers[.setCookie] = SessionCookie.setting(
            session.token, expires: session.expiresAt, secure: secureCookies || context.overHTTPS)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func signOut(_ context: ThiduaRequestContext) async throws -> Response {
        guard let token = context.session else { throw APIError.unauthenticated }
        try await sessions.signOut(token)
        var headers = HTTPFields()
        headers[.setCookie] = SessionCookie.clearing(secure: secureCookies || context.overHTTPS)
        return Response(status: .noContent, headers: headers)
    }

    func changePassword(_ request: Request, _ context: ThiduaRequestContext) async throws -> HTTPResponse.Status {
        let actor = try context.requireActor()
        let body = try await JSONBody.decode(PasswordChangeRequest.self, from: request)
        try await sessions.changePassword(
            from: body.oldPassword, to: body.newPassword, keeping: context.session, address: context.clientAddress, by: actor)
        return .noContent
    }
}
