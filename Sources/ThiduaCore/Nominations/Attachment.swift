import Foundation
import Postgres

/// A document of a nomination's dossier. Its bytes stay in the database with their SHA-256, which
/// PostgreSQL computes and checks; an attachment is never changed, only added.
public struct Attachment: Sendable, Hashable {
    public var id: UUID
    public var nominationID: UUID
    public var kind: DossierKind
    public var fileName: String
    public var mediaType: String
    public var byteSize: Int
    public var sha256: Data
    public var uploadedBy: UUID
    public var uploadedAt: Date

    /// The largest document accepted, as the table's CHECK says.
    public static let maximumSize = 20 * 1024 * 1024

    static let columns: StaticString = "id, nomination_id, dossier_kind, file_name, media_type, byte_size, sha256, uploaded_by, uploaded_at"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        nominationID = try row.decode(column: "nomination_id")
        kind = try row.decodeEnum(column: "dossier_kind")
        fileName = try row.decode(column: "file_name")
        mediaType = try row.decode(column: "media_type")
        byteSize = try row.decode(column: "byte_size")
        sha256 = try row.decode(column: "sha256")
        uploadedBy = try row.decode(column: "uploaded_by")
        uploadedAt = try row.decode(column: "uploaded_at")
    }
}
