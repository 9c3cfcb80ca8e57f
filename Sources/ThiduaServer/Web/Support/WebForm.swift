import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A form a page posted: `application/x-www-form-urlencoded`, or `multipart/form-data` when it carries files.
///
/// Read once, by ``SessionMiddleware`` (which needs the `_csrf` field before anything else runs) and kept on the
/// request's context, so a handler never reads the body a second time.
///
/// ```swift
/// let reason = form.text("reason")          // trimmed, nil when empty
/// let chosen = form.values("nomination")    // every checked box of that name
/// ```
struct WebForm: Sendable {
    /// A file chosen in a form's `<input type="file">`.
    struct File: Sendable {
        var field: String
        var fileName: String
        var mediaType: String
        var content: Data
    }

    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [File] = []

    /// The largest form a page sends: a dossier document and its fields.
    static let maximumBytes = 21 << 20

    /// The form in `request`'s body when its media type is a form's, else nil.
    static func read(from request: inout Request) async throws -> WebForm? {
        guard let contentType = request.headers[.contentType] else { return nil }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let mediaType = parts.first?.lowercased() ?? ""
        guard mediaType == "application/x-www-form-urlencoded" || mediaType == "multipart/form-data" else { return nil }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBytes)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: maximumBytes)
        }
        let form: WebForm
        if mediaType == "multipart/form-data" {
            let boundary = parts.dropFirst().first { $0.lowercased().hasPrefix("boundary=") }
                .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard let boundary, !boundary.isEmpty else { throw APIError.malformedForm }
            form = try multipart(body, boundary: boundary)
        } else {
            guard let text = body.getString(at: body.readerIndex, length: body.readableBytes) else { throw APIError.invalidUTF8 }
            form = urlEncoded(text)
        }
        if let field = NULCharacter.field(in: form.fields) ?? form.files.first(where: { $0.fileName.contains("\u{0}") })?.field {
            throw NULCharacter.refusal(field)
        }
        return form
    }

    static func urlEncoded(_ text: String) -> WebForm {
        var form = WebForm()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            form.fields[decoded(halves[0]), default: []].append(halves.count > 1 ? decoded(halves[1]) : "")
        }
        return form
    }

    static func multipart(_ body: ByteBuffer, boundary: String) throws -> WebForm {
        var form = WebForm()
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            defer {
                headers = [:]
                content = ByteBuffer()
            }
            let disposition = Self.dispositionParameters(headers["content-disposition"] ?? "")
            guard let name = disposition["name"] else { return }
            if let fileName = disposition["filename"] {
                guard !fileName.isEmpty else { return }
                let mediaType = headers["content-type"]?.split(separator: ";").first
                    .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "application/octet-stream"
                form.files.append(File(field: name, fileName: fileName, mediaType: mediaType, content: Data(content.readableBytesView)))
            } else {
                form.fields[name, default: []].append(String(buffer: content))
            }
        }
        do {
            try parser.execute(body)
        } catch {
            throw APIError.malformedForm
        }
        return form
    }

    /// `form-data; name="file"; filename="Tờ trình.pdf"` → ["name": "file", "filename": "Tờ trình.pdf"].
    static func dispositionParameters(_ header: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            parameters[pair[0].lowercased()] = value
        }
        return parameters
    }

    /// The field's first value as sent, or nil when absent.
    func value(_ name: String) -> String? { fields[name]?.first }

    /// The field's first value trimmed, or nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = value(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every value of the field (checkboxes, multiple selects), in the order sent.
    func values(_ name: String) -> [String] { fields[name] ?? [] }

    /// The first file chosen in `field`, if any.
    func file(_ field: String) -> File? { files.first { $0.field == field } }
}
