import HTTPTypes
import Hummingbird

/// Finds the request's client address and whether it came over HTTPS, believing `X-Forwarded-For` and
/// `X-Forwarded-Proto` only from a trusted proxy (``ClientAddress``), before anything reads them.
struct ForwardedMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!

    let resolver: ClientAddress

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let peer = context.remoteAddress?.ipAddress
        context.clientAddress = resolver.client(peer: peer, forwardedFor: request.headers[values: Self.forwardedFor])
        context.overHTTPS = resolver.isHTTPS(peer: peer, forwardedProto: request.headers[values: Self.forwardedProto])
        return try await next(request, context)
    }
}
