import Hummingbird
import HTTPTypes
import NIOCore

/// Cancels a request's handling once its client has closed the connection, so a statement waiting on a lock or
/// running long for nobody is cancelled (``QueryCanceller`` sends `PQcancel`) and its connection goes back to
/// the pool at once instead of at the statement timeout (issue 12 item 2).
///
/// Hummingbird 2 does not cancel a handler whose client went away, and its
/// `consumeWithCancellationOnInboundClose` would end keep-alive after every response; so the whole router runs
/// in a child task beside a watcher that looks at the channel every ``interval``. Polling `isActive` (an atomic
/// read) rather than waiting on `closeFuture` leaves nothing registered per request on a keep-alive connection.
struct ClientGoneResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == ThiduaRequestContext {
    typealias Context = ThiduaRequestContext

    let inner: Inner
    /// How soon a departed client is noticed: a quarter of a second is nothing beside the statement timeout.
    var interval: Duration = .milliseconds(250)

    /// The answer no one reads, for a request whose client left (nginx's "client closed request").
    static var clientClosedRequest: HTTPResponse.Status { .init(code: 499, reasonPhrase: "Client Closed Request") }

    private enum Outcome: Sendable {
        case answered(Response)
        case clientGone
    }

    @Sendable func respond(to request: Request, context: Context) async throws -> Response {
        // A context made without a live connection (the router test framework's) has nothing to watch.
        guard let channel = context.channel, channel.isActive else { return try await inner.respond(to: request, context: context) }
        let (inner, interval) = (inner, interval)
        return try await withThrowingTaskGroup(of: Outcome.self) { group in
            group.addTask { .answered(try await inner.respond(to: request, context: context)) }
            group.addTask {
                while channel.isActive { try await Task.sleep(for: interval) }
                return .clientGone
            }
            defer { group.cancelAll() }
            switch try await group.next() {
            case .answered(let response): return response
            case .clientGone, nil: return Response(status: Self.clientClosedRequest)
            }
        }
    }
}
