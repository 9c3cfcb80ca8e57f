import Hummingbird
import NIOCore
import ThiduaCore

/// What thidua knows about a request while it is handled: its id, the client's address, and who sent it.
///
/// ``RequestIDMiddleware`` fills `requestID`, ``ForwardedMiddleware`` `clientAddress` and `overHTTPS`,
/// ``SessionMiddleware`` `session` and `actor`. Routes that
/// need a signed-in user call ``requireActor()``.
public struct ThiduaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The client's connection, watched by ``ClientGoneResponder`` to cancel a request whose client left.
    let channel: (any Channel)?
    /// The id of this request: the client's `X-Request-Id` when it is a sane one, else a fresh one. It goes
    /// into every log line and audit event of the request.
    public var requestID: String = ""
    /// The client's IP address, for sign-in throttling: the TCP peer's, or behind a trusted proxy the one it
    /// forwarded (``ClientAddress``).
    public var clientAddress: String?
    /// A trusted proxy says the browser reached it over HTTPS: the session cookie is then `Secure`.
    public var overHTTPS = false
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
        channel = source.channel
    }

    /// Bodies are read by ``JSONBody`` and ``WebForm`` with their own limits; this is Hummingbird's for anything else.
    public var maxUploadSize: Int { JSONBody.maximumBytes }

    /// The signed-in actor, or 401.
    public func requireActor() throws -> Actor {
        guard let actor else { throw APIError.unauthenticated }
        return actor
    }
}
