import HTTPTypes
import Hummingbird

/// Headers every answer carries: no MIME sniffing, no framing by another site, no full address leaked to
/// another site. Pages add their own content security policy (``HTMLPage``).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        return response
    }
}
