import Foundation
import Hummingbird
import NIOCore
import ThiduaCore

/// Dossier documents (Law art. 84): uploaded as the raw body with its media type, at most 20 MB, typed by the
/// dossier kind; PostgreSQL records their SHA-256.
struct AttachmentRoutes: Sendable {
    let attachments: AttachmentRepository

    func add(to router: Router<ThiduaRequestContext>) {
        router.post("/api/v1/nominations/:id/attachments") { request, context in try await upload(request, context) }
        router.get("/api/v1/nominations/:id/attachments") { _, context in
            APIResponse(try await attachments.list(for: try context.uuid("id"), as: try context.requireActor()).map(AttachmentResponse.init))
        }
        router.get("/api/v1/attachments/:id/content") { _, context in
            let document = try await attachments.document(try context.uuid("id"), as: try context.requireActor())
            return DossierFile.download(document.attachment, content: document.content)
        }
    }

    func upload(_ request: Request, _ context: ThiduaRequestContext) async throws -> APIResponse<AttachmentResponse> {
        let actor = try context.requireActor()
        let id = try context.uuid("id")
        let query = request.uri.queryParameters
        guard let kind = query["kind"].flatMap({ DossierKind(rawValue: String($0)) }) else { throw APIError.badParameter("kind") }
        guard let fileName = query["fileName"].map(String.init), !fileName.isEmpty else { throw APIError.badParameter("fileName") }
        let declared = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        // `application/octet-stream` is taken too: the type is then read from the file name's extension, as for
        // the browser's upload, so `thidua nominations attach` needs no table of media types of its own.
        guard let declared, declared == "application/octet-stream" || DossierFile.mediaTypes[declared] != nil else {
            throw DossierFile.unsupported
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Attachment.maximumSize)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: Attachment.maximumSize)
        }
        let content = Data(buffer.readableBytesView)
        let mediaType = try DossierFile.checkedMediaType(declared: declared, fileName: fileName, content: content)
        let attachment = try await attachments.add(kind, fileName: fileName, mediaType: mediaType, content: content, to: id, by: actor)
        return APIResponse(AttachmentResponse(attachment), status: .created)
    }
}
