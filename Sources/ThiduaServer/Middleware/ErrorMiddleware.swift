import Hummingbird
import Logging
import NIOCore
import Postgres
import ThiduaCore

/// Turns whatever a route throws into the one error shape (``ErrorBody``) with the request id.
///
/// A client's mistake or a repository's refusal is a 4xx; an unreachable database is 503 with `Retry-After`;
/// only a fault of ours is 500, and it is logged with the request id so it can be found. The API hears it as
/// JSON; a browser on a page hears it as a Vietnamese page, and without a session is sent to sign in.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.classify(error, logger: context.logger)
            if ErrorPage.isForPage(request) {
                return ErrorPage.response(for: apiError, requestID: context.requestID, request: request)
            }
            return try Self.response(for: apiError, requestID: context.requestID, request: request, context: context)
        }
    }

    static func classify(_ error: any Error, logger: Logger) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as ThiduaError: return APIError(error)
        case is NIOTooManyBytesError: return .bodyTooLarge(limit: JSONBody.maximumBytes)
        case let error as HTTPError where error.status == .notFound: return .noRoute
        case let error as HTTPError where error.status == .methodNotAllowed: return .methodNotAllowed
        case let error as PostgresError where error.isConnectionFailure:
            logger.warning("database unreachable", metadata: ["error": "\(error)"])
            return .databaseUnavailable
        case let error as PostgresError where error.isBusy:
            logger.warning("database busy", metadata: ["error": "\(error)"])
            return .databaseBusy
        case let error as PostgresError where error.isUnstorableText:
            return .unstorableText
        default:
            logger.error("unexpected fault", metadata: ["error": "\(String(reflecting: error))"])
            return .internalFault
        }
    }

    static func response(for error: APIError, requestID: String, request: Request, context: Context) throws -> Response {
        var response = try ErrorBody(error, requestID: requestID).response(from: request, context: context)
        response.status = error.status
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        if let current = error.currentVersion { response.headers[.eTag] = EntityTag.for(version: current) }
        return response
    }
}
