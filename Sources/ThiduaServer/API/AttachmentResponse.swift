import Foundation
import ThiduaCore

/// A dossier document's metadata; the SHA-256 is the one PostgreSQL computed and checks.
struct AttachmentResponse: Encodable, Sendable {
    var id: UUID
    var nominationID: UUID
    var kind: DossierKind
    var fileName: String
    var mediaType: String
    var byteSize: Int
    var sha256: String
    var uploadedBy: UUID
    var uploadedAt: Date

    init(_ attachment: Attachment) {
        id = attachment.id
        nominationID = attachment.nominationID
        kind = attachment.kind
        fileName = attachment.fileName
        mediaType = attachment.mediaType
        byteSize = attachment.byteSize
        sha256 = attachment.sha256.map { String(format: "%02x", $0) }.joined()
        uploadedBy = attachment.uploadedBy
        uploadedAt = attachment.uploadedAt
    }
}
