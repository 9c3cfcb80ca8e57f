import Foundation
import Hummingbird
import ThiduaCore

/// Signing in and out from a browser, and changing one's own password.
///
/// The sign-in form has no session to derive its CSRF token from, so it carries a random one that must match a
/// cookie set with the form (double submit): another site can neither read the cookie nor post the form with it.
struct SignInPages: Sendable {
    static let path = "/dang-nhap"
    static let formCookie = "thidua_dang_nhap"

    let sessions: SessionRepository
    let users: UserRepository
    let secureCookies: Bool

    private struct View {
        var csrf: String
        var username: String
        var next: String
    }

    private struct PasswordView {
        var csrf: String
    }

    func add(public router: RouterGroup<ThiduaRequestContext>, signedIn pages: RouterGroup<SignedInContext>) {
        router.get(RouterPath(Self.path)) { request, context in
            if context.actor != nil { return HTMLPage.redirect(to: "/") }
            return signInForm(request: request, context: context, username: "", error: nil, status: .ok)
        }
        router.post(RouterPath(Self.path)) { request, context in try await signIn(request, context) }
        pages.post("/dang-xuat") { request, context in
            try await sessions.signOut(context.session)
            var response = HTMLPage.redirect(to: Self.path)
            response.headers[.setCookie] = SessionCookie.clearing(secure: secureCookies || context.overHTTPS)
            return response
        }
        pages.get("/mat-khau") { request, context in
            try await passwordPage(context, path: request.uri.path)
        }
        pages.post("/mat-khau") { request, context in
            let form = context.form
            do {
                guard let new = form.value("newPassword"), new == form.value("confirmPassword") else {
                    throw ThiduaError.invalid(field: "confirmPassword", vietnamese: "Mật khẩu mới nhập lại không khớp.",
                                              english: "The new password and its confirmation differ.")
                }
                try await sessions.changePassword(
                    from: form.value("oldPassword") ?? "", to: new, keeping: context.session, address: context.clientAddress,
                    by: context.actor)
                return HTMLPage.redirect(to: "/?ok=mat-khau")
            } catch {
                var response = try await passwordPage(context, path: request.uri.path, error: error)
                if case .throttled(let seconds) = error as? ThiduaError { response.headers[.retryAfter] = String(seconds) }
                return response
            }
        }
    }

    private func passwordPage(_ context: SignedInContext, path: String, error: (any Error)? = nil) async throws -> Response {
        let shell = try await PageShell.load(context, users: users, path: path)
        return HTMLPage("Đổi mật khẩu", template: "password", view: PasswordView(csrf: context.csrfToken), shell: shell,
                            refusal: error, logger: context.logger)
            .response()
    }

    private func signInForm(
        request: Request, context: ThiduaRequestContext, username: String, error: String?, status: HTTPResponse.Status
    ) -> Response {
        let token = SessionToken().text
        let next = request.uri.queryParameters["tiep"].map(String.init) ?? ""
        let page = HTMLPage("Đăng nhập", template: "sign-in",
                            view: View(csrf: token, username: username, next: Self.safeNext(next) ?? ""), shell: nil,
                            status: status, error: error)
        var response = page.response()
        response.headers[.setCookie] = "\(Self.formCookie)=\(token); Path=\(Self.path); HttpOnly; SameSite=Strict"
            + (secureCookies || context.overHTTPS ? "; Secure" : "")
        return response
    }

    private func signIn(_ request: Request, _ context: ThiduaRequestContext) async throws -> Response {
        let form = context.form ?? WebForm()
        let username = form.value("username") ?? ""
        guard let proof = form.value("_csrf"), let cookie = request.cookies[Self.formCookie]?.value, !cookie.isEmpty,
              SessionCookie.sameBytes(proof, cookie) else {
            return signInForm(request: request, context: context, username: username,
                                  error: "Trang đăng nhập đã quá cũ. Hãy nhập lại tên đăng nhập và mật khẩu.", status: .forbidden)
        }
        do {
            let session = try await sessions.signIn(username: username, password: form.value("password") ?? "", address: context.clientAddress)
            var response = HTMLPage.redirect(to: Self.safeNext(form.value("tiep") ?? "") ?? "/")
            response.headers[.setCookie] = SessionCookie.setting(
                session.token, expires: session.expiresAt, secure: secureCookies || context.overHTTPS)
            return response
        } catch let error as ThiduaError {
            let failure = PageError(error, logger: context.logger)
            var response = signInForm(request: request, context: context, username: username, error: failure.message, status: failure.status)
            if case .throttled(let seconds) = error { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    /// A path on this site to return to after signing in; anything else (another host, `//evil`) is ignored.
    static func safeNext(_ next: String) -> String? {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next != path else { return nil }
        return next
    }
}
