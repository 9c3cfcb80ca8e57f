import Hummingbird
import ThiduaCore

/// Finds who sent the request: a bearer token (API, CLI) or the session cookie (web pages), resolved to a
/// live session and its ``Actor`` in one round trip. A request without a valid session goes on anonymous; routes that
/// need a user refuse it with 401 (``ThiduaRequestContext/requireActor()``).
///
/// A cookie is sent by the browser on its own, so an unsafe request authenticated by cookie must also prove
/// it came from our page: the `X-CSRF-Token` header, or a page's form field `_csrf`, must hold
/// ``SessionCookie/csrfToken(for:)``. A posted form is read here, once, and kept on the context.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    let sessions: SessionRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if !request.method.isSafe { context.form = try await WebForm.read(from: &request) }
        if let (token, fromCookie) = Self.presentedToken(in: request) {
            if let actor = try await sessions.actor(for: token, requestID: context.requestID) {
                if fromCookie, !request.method.isSafe {
                    let proof = request.headers[SessionCookie.csrfHeader] ?? context.form?.value("_csrf")
                    guard let proof, SessionCookie.isCSRFToken(proof, for: token) else { throw APIError.csrfRequired }
                }
                context.session = token
                context.sessionFromCookie = fromCookie
                context.actor = actor
            }
        }
        return try await next(request, context)
    }

    /// The token from `Authorization: Bearer …`, else from the session cookie. A malformed one is no token.
    static func presentedToken(in request: Request) -> (SessionToken, fromCookie: Bool)? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", let token = SessionToken(text: String(parts[1])) else { return nil }
            return (token, false)
        }
        if let value = request.cookies[SessionCookie.name]?.value, let token = SessionToken(text: value) {
            return (token, true)
        }
        return nil
    }
}

extension HTTPRequest.Method {
    /// Methods that change nothing, which need no CSRF proof.
    var isSafe: Bool { self == .get || self == .head || self == .options }
}
