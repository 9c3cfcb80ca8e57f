import Foundation
import Hummingbird

/// An error as a browser on a page sees it: a page in Vietnamese with the request's id to quote, or, when no
/// one is signed in, the sign-in page, which brings the user back to where they were.
enum ErrorPage {
    private struct View {
        var status: Int
        var message: String
        var requestID: String
    }

    /// Paths that answer machines keep JSON errors, as does a client that asks for JSON.
    static func isForPage(_ request: Request) -> Bool {
        !ThiduaApplication.isMachinePath(request.uri.path) && !PrintedDocument<Int, Int>.prefersJSON(request.headers[.accept])
    }

    static func response(for error: APIError, requestID: String, request: Request) -> Response {
        if error.code == APIError.unauthenticated.code {
            let back = request.method == .get ? request.uri.path : "/"
            return HTMLPage.redirect(to: back == "/" ? SignInPages.path : "\(SignInPages.path)?tiep=\(back.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/")")
        }
        let page = HTMLPage(
            "Không thực hiện được", template: "error",
            view: View(status: Int(error.status.code), message: error.vietnamese, requestID: requestID), shell: nil, status: error.status)
        var response = page.response()
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }
}
