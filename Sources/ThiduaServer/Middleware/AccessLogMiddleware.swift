import Hummingbird
import Logging

/// One structured log line per request (method, path without the query, which may hold search words, status
/// and duration) and the request's count and latency in ``RequestMetrics``. Headers and bodies are never
/// logged, so no token or password reaches a log.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)", "path": "\(request.uri.path)", "status": "\(response.status.code)",
            "ms": "\(seconds * 1000)",
        ])
        metrics.record(method: request.method.rawValue, route: context.endpointPath ?? "unmatched", status: response.status.code, seconds: seconds)
        return response
    }
}
