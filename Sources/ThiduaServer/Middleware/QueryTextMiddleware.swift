import Hummingbird

/// Refuses a query string whose decoded name or value holds a NUL character (`?q=%00`), with 422 naming the
/// parameter, before the session is looked up or any SQL runs (``NULCharacter``; bodies are checked where
/// they are read).
struct QueryTextMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.query?.contains("%00") == true {
            var fields: [String: [String]] = [:]
            for (name, value) in request.uri.queryParameters { fields[String(name), default: []].append(String(value)) }
            if let field = NULCharacter.field(in: fields) { throw NULCharacter.refusal(field) }
        }
        return try await next(request, context)
    }
}
