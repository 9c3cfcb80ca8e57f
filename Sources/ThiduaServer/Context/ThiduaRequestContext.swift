import Hummingbird
import NIOCore
import ThiduaCore

/// What thidua knows about a request while it is handled: its id, the peer's address, and who sent it.
///
/// ``RequestIDMiddleware`` fills `requestID`, ``SessionMiddleware`` fills `session` and `actor`. Routes that
/// need a signed-in user call ``requireActor()``.
public struct ThiduaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The id of this request: the client's `X-Request-Id` when it is a sane one, else a fresh one. It goes
    /// into every log line and audit event of the request.
    public var requestID: String = ""
    /// The signed-in user, as the repositories need them.
    public var actor: Actor?
    /// The session the request came with, and whether it came as a cookie (then unsafe methods need CSRF proof).
    public var session: SessionToken?
    public var sessionFromCookie = false
    /// The form a page posted, read once by ``SessionMiddleware`` (it holds the CSRF token).
    var form: WebForm?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies are read by ``JSONBody`` and ``WebForm`` with their own limits; this is Hummingbird's for anything else.
    public var maxUploadSize: Int { JSONBody.maximumBytes }

    /// The signed-in actor, or 401.
    public func requireActor() throws -> Actor {
        guard let actor else { throw APIError.unauthenticated }
        return actor
    }

    /// The peer's IP address, for sign-in throttling.
    public var peerAddress: String? { remoteAddress?.ipAddress }
}
