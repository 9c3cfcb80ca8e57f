import Foundation
import Hummingbird

/// A document people print, in the two media a client may ask for: its data as JSON when `Accept` ranks
/// `application/json` above `text/html`, otherwise the page for print (`text/html; charset=utf-8`), so a
/// browser or `curl` gets the page and a script asks for the data.
///
/// ```swift
/// router.get("/api/v1/council/sessions/:id/minutes") { _, context in
///     let minutes = try await council.minutes(try context.uuid("id"), as: try context.requireActor())
///     return PrintedDocument(data: minutes, page: minutes, template: .minutes)
/// }
/// ```
struct PrintedDocument<Body: Encodable & Sendable, Page: Sendable>: ResponseGenerator {
    var data: Body
    var page: Page
    var template: PrintTemplate

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response: Response
        if Self.prefersJSON(request.headers[.accept]) {
            response = try APIResponse(data).response(from: request, context: context)
        } else {
            response = Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: template.render(page))))
        }
        response.headers[.vary] = "Accept"
        return response
    }

    /// Whether `accept` ranks JSON above HTML, each judged by its most specific matching range (RFC 9110
    /// §12.5.1); no header, or a tie such as `*/*`, gives the page.
    static func prefersJSON(_ accept: String?) -> Bool {
        guard let accept else { return false }
        let ranges = accept.split(separator: ",").map { range in
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (type: parts.first ?? "", quality: quality)
        }
        func quality(of type: String, _ family: String) -> Double {
            for candidate in [type, "\(family)/*", "*/*"] {
                if let match = ranges.first(where: { $0.type == candidate }) { return match.quality }
            }
            return 0
        }
        return quality(of: "application/json", "application") > quality(of: "text/html", "text")
    }
}
