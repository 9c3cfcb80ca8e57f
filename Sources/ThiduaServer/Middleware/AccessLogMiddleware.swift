import Hummingbird
import Logging

/// One structured log line per request: method, path (without the query, which may hold search words), status
/// and duration. Headers and bodies are never logged, so no token or password reaches a log.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
            "ms": "\(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)",
        ])
        return response
    }
}
