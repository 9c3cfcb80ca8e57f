import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id: the client's `X-Request-Id` when it is short and plain (so a chain of systems
/// can follow one request), else a fresh one. The id is echoed in the response, set on the logger (so every
/// log line carries it) and recorded in the request's audit events.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    static let header = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[Self.header].flatMap(Self.acceptable) ?? context.id
        context.requestID = id
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request_id"] = "\(id)"
        var response = try await next(request, context)
        response.headers[Self.header] = id
        return response
    }

    /// 1–64 characters of letters, digits, `-`, `_`, `.`: nothing a log or an audit event would choke on.
    static func acceptable(_ value: String) -> String? {
        guard (1...64).contains(value.utf8.count),
              value.utf8.allSatisfy({ $0 < 128 && ($0 == 45 || $0 == 46 || $0 == 95 || ($0 >= 48 && $0 <= 57) || ($0 | 32 >= 97 && $0 | 32 <= 122)) })
        else { return nil }
        return value
    }
}
