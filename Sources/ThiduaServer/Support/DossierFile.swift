import Foundation
import Hummingbird
import NIOCore
import ThiduaCore

/// Dossier documents at the edge, the same for the API and the pages: what may come in (scans and office
/// documents, whose first bytes must match the type claimed) and how one goes out (always as a download,
/// never rendered in the browser).
enum DossierFile {
    /// What officials attach, by media type, with the extension a browser may send instead of a type.
    static let mediaTypes: [String: (extensions: [String], magic: [[UInt8]])] = [
        "application/pdf": (["pdf"], [Array("%PDF-".utf8)]),
        "image/jpeg": (["jpg", "jpeg"], [[0xFF, 0xD8, 0xFF]]),
        "image/png": (["png"], [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        "text/plain": (["txt"], []),
        "application/msword": (["doc"], [[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]]),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (["docx"], [[0x50, 0x4B, 0x03, 0x04]]),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (["xlsx"], [[0x50, 0x4B, 0x03, 0x04]]),
    ]

    static let unsupported = APIError(
        .unsupportedMediaType, code: "unsupported_media_type",
        vietnamese: "Chỉ nhận tệp PDF, ảnh JPEG/PNG, văn bản, Word hoặc Excel.",
        english: "Only PDF, JPEG/PNG images, plain text, Word or Excel documents are accepted.")

    static let mismatched = APIError(
        .unsupportedMediaType, code: "content_mismatch",
        vietnamese: "Nội dung tệp không đúng với loại tệp đã khai (ví dụ tệp đổi đuôi thành .pdf).",
        english: "The file's content does not match its declared type (a file renamed to .pdf, say).")

    /// The media type to record for an upload: the one declared, or for a browser's generic
    /// `application/octet-stream` the one its file name's extension gives. 415 when neither is accepted, or when
    /// the content does not start as that type's files do.
    static func checkedMediaType(declared: String, fileName: String, content: Data) throws -> String {
        var mediaType = declared.lowercased()
        if mediaType == "application/octet-stream" {
            let suffix = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
            mediaType = mediaTypes.first { $0.value.extensions.contains(suffix) }?.key ?? mediaType
        }
        guard let rule = mediaTypes[mediaType] else { throw unsupported }
        if mediaType == "text/plain" {
            guard String(data: content, encoding: .utf8) != nil, !content.contains(0) else { throw mismatched }
        } else if !rule.magic.contains(where: { content.starts(with: $0) }) {
            throw mismatched
        }
        return mediaType
    }

    /// The document as a download: its own name (ASCII fallback and RFC 8187 UTF-8 form), never sniffed.
    static func download(_ attachment: Attachment, content: Data) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: attachment.mediaType, .cacheControl: "private, no-store", .xContentTypeOptions: "nosniff",
                .contentDisposition: contentDisposition(fileName: attachment.fileName),
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }

    /// RFC 8187's attr-char: what a `filename*` value carries without percent-encoding.
    private static let attributeCharacters = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")

    /// `attachment; filename="To trinh.pdf"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh.pdf`.
    static func contentDisposition(fileName: String) -> String {
        let folded = fileName.applyingTransform(.stripDiacritics, reverse: false)?.replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "D") ?? fileName
        let ascii = String(folded.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 })
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: attributeCharacters) ?? ""
        return "attachment; filename=\"\(ascii.isEmpty ? "tai-lieu" : ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
