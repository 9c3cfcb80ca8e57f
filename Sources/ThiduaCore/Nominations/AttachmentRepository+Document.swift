import Foundation
import Postgres

extension AttachmentRepository {
    /// A document with its bytes, as a download needs it: its name, media type and content.
    public func document(_ attachmentID: UUID, as actor: Actor) async throws -> (attachment: Attachment, content: Data) {
        try await store.read(actor) { connection in
            let rows = try await connection.query("""
                SELECT \(sql: Attachment.columns), content FROM thidua.nomination_attachments WHERE id = \(attachmentID)
                """)
            guard let row = try rows.single() else { throw ThiduaError.notFound("tài liệu / attachment") }
            return (try Attachment(row: row), try row.decode(Data.self, column: "content"))
        }
    }
}
