import Foundation
import Hummingbird
import NIOCore
import ThiduaCore

/// Dossier documents (Law art. 84): uploaded as the raw body with its media type, at most 20 MB, typed by the
/// dossier kind; PostgreSQL records their SHA-256.
struct AttachmentRoutes: Sendable {
    let attachments: AttachmentRepository

    /// What officials attach: scans and office documents. Anything else is 415.
    static let mediaTypes: Set<String> = [
        "application/pdf", "image/jpeg", "image/png", "text/plain", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]

    func add(to router: Router<ThiduaRequestContext>) {
        router.post("/api/v1/nominations/:id/attachments") { request, context in try await upload(request, context) }
        router.get("/api/v1/nominations/:id/attachments") { _, context in
            APIResponse(try await attachments.list(for: try context.uuid("id"), as: try context.requireActor()).map(AttachmentResponse.init))
        }
        router.get("/api/v1/attachments/:id/content") { _, context in
            let bytes = try await attachments.content(of: try context.uuid("id"), as: try context.requireActor())
            return Response(
                status: .ok, headers: [.contentType: "application/octet-stream", .cacheControl: "private, no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    func upload(_ request: Request, _ context: ThiduaRequestContext) async throws -> APIResponse<AttachmentResponse> {
        let actor = try context.requireActor()
        let id = try context.uuid("id")
        let query = request.uri.queryParameters
        guard let kind = query["kind"].flatMap({ DossierKind(rawValue: String($0)) }) else { throw APIError.badParameter("kind") }
        guard let fileName = query["fileName"].map(String.init), !fileName.isEmpty else { throw APIError.badParameter("fileName") }
        let mediaType = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let mediaType, Self.mediaTypes.contains(mediaType) else {
            throw APIError(
                .unsupportedMediaType, code: "unsupported_media_type",
                vietnamese: "Chỉ nhận tệp PDF, ảnh JPEG/PNG, văn bản, Word hoặc Excel.",
                english: "Only PDF, JPEG/PNG images, plain text, Word or Excel documents are accepted.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Attachment.maximumSize)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: Attachment.maximumSize)
        }
        let attachment = try await attachments.add(
            kind, fileName: fileName, mediaType: mediaType, content: Data(buffer.readableBytesView), to: id, by: actor)
        return APIResponse(AttachmentResponse(attachment), status: .created)
    }
}
