import Hummingbird
import ThiduaCore

/// The context of a page that needs a signed-in user: made from the server's context only when its session
/// resolved to an actor, so a handler in this group cannot forget the check — it is the type.
///
/// ```swift
/// let pages = router.group(context: SignedInContext.self)
/// pages.get("/ho-so") { _, context in try await list(as: context.actor) }
/// ```
/// Without a live session the request never reaches the handler: ``ErrorMiddleware`` sends the browser to the
/// sign-in page, and back here afterwards.
struct SignedInContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    let actor: Actor
    let requestID: String
    /// The session the page came with, for signing out and changing the password.
    let session: SessionToken
    /// The token every form of the page carries back in `_csrf`.
    let csrfToken: String
    /// The form posted, when one was.
    let form: WebForm
    /// As ``ThiduaRequestContext`` found them: the client (for throttling) and whether the cookie is `Secure`.
    let clientAddress: String?
    let overHTTPS: Bool

    init(context: ThiduaRequestContext) throws {
        guard let actor = context.actor, let session = context.session else { throw APIError.unauthenticated }
        coreContext = context.coreContext
        self.actor = actor
        requestID = context.requestID
        self.session = session
        csrfToken = SessionCookie.csrfToken(for: session)
        form = context.form ?? WebForm()
        clientAddress = context.clientAddress
        overHTTPS = context.overHTTPS
    }

    var maxUploadSize: Int { WebForm.maximumBytes }
}
