import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A browser's side of the web pages, for tests: it keeps the session cookie, reads a page's `_csrf` from
/// its forms and posts forms as a browser does (urlencoded, or multipart with a file).
struct PageClient: Sendable {
    let api: APIClient
    /// The session cookie's value: the bearer token of an API sign-in is the same session.
    let session: String

    func get(_ path: String) async throws -> Reply {
        try await api.send(.get, path, headers: [.cookie: "thidua_session=\(session)"])
    }

    /// The CSRF token the page at `path` puts in its forms.
    func csrf(on path: String) async throws -> String {
        let page = try await get(path)
        guard let token = Self.csrf(in: page.text) else { throw Failure("no _csrf on \(path): \(page.status)") }
        return token
    }

    static func csrf(in html: String) -> String? {
        html.firstMatch(of: /name="_csrf" value="([^"]+)"/).map { String($0.1) }
    }

    func post(_ path: String, _ fields: [(String, String)], cookies: String? = nil) async throws -> Reply {
        let body = fields.map { "\(Self.encoded($0.0))=\(Self.encoded($0.1))" }.joined(separator: "&")
        return try await api.send(.post, path, body: ByteBuffer(string: body), headers: [
            .contentType: "application/x-www-form-urlencoded", .cookie: cookies ?? "thidua_session=\(session)",
        ])
    }

    func postFile(
        _ path: String, _ fields: [(String, String)], file: (field: String, name: String, type: String, content: String)
    ) async throws -> Reply {
        let boundary = "----thidua-test-boundary"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
        body += "Content-Type: \(file.type)\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        return try await api.send(.post, path, body: ByteBuffer(string: body), headers: [
            .contentType: "multipart/form-data; boundary=\(boundary)", .cookie: "thidua_session=\(session)",
        ])
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
