import Hummingbird
import Logging
import NIOCore

/// A page of the web front, rendered at once into the site's layout: a page template's view, the shell
/// around it (none on the sign-in page), a status, and the one-line notice or error to show above it. A page
/// that shows work still running asks the browser to load it again after `refreshSeconds` (no script: CSP).
///
/// ```swift
/// return HTMLPage("Hồ sơ đề nghị", template: "nominations", view: page, shell: shell)
/// ```
struct HTMLPage: ResponseGenerator, Sendable {
    private struct Layout {
        var title: String
        var areaName: String
        var user: Bool
        var fullName: String
        var unitName: String
        var roleNames: String
        var csrf: String
        var nav: [PageShell.Link]
        var flash: String?
        var error: String?
        var main: String
        var refresh: Int?
    }

    let html: String
    let status: HTTPResponse.Status

    init(
        _ title: String, template: String, view: Any, shell: PageShell?, status: HTTPResponse.Status = .ok,
        flash: String? = nil, error: String? = nil, refreshSeconds: Int? = nil
    ) {
        let main = WebTemplate.render(template, view)
        html = WebTemplate.render("layout", Layout(
            title: title, areaName: shell?.areaName ?? "", user: shell != nil, fullName: shell?.fullName ?? "",
            unitName: shell?.unitName ?? "", roleNames: shell?.roleNames ?? "", csrf: shell?.csrf ?? "", nav: shell?.nav ?? [],
            flash: flash, error: error, main: main, refresh: refreshSeconds))
        self.status = status
    }

    /// The page again after a refused form (or as it first shows when `refusal` is `nil`): the refusal's
    /// status and its Vietnamese message above the form, classified exactly as the API classifies it.
    init(
        _ title: String, template: String, view: Any, shell: PageShell?, flash: String? = nil,
        refusal: (any Error)?, logger: Logger
    ) {
        let failure = refusal.map { PageError($0, logger: logger) }
        self.init(title, template: template, view: view, shell: shell, status: failure?.status ?? .ok, flash: flash, error: failure?.message)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response { response() }

    func response() -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: Self.policy],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// Everything from this server only; no script at all, no plugin, no framing, forms only to this server.
    static let policy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"

    /// 303 See Other to `location`: what a form's success answers, so a reload does not post it again.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
