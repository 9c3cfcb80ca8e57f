import Foundation
import Postgres

/// The documents of nominations' dossiers (Law art. 84).
public struct AttachmentRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Adds a document to a draft or returned nomination of the actor's unit.
    public func add(
        _ kind: DossierKind, fileName: String, mediaType: String, content: Data, to nominationID: UUID, by actor: Actor
    ) async throws -> Attachment {
        guard let fileName = Text.cleaned(fileName), fileName.count <= 255 else {
            throw ThiduaError.invalid(field: "fileName", vietnamese: "Tên tệp không hợp lệ.", english: "The file name is not valid.")
        }
        guard (1...Attachment.maximumSize).contains(content.count) else {
            throw ThiduaError.invalid(field: "content", vietnamese: "Tệp phải có nội dung và không quá 20 MB.",
                                      english: "A document must be non-empty and at most 20 MB.")
        }
        return try await store.write(actor, nil, action: "attachment.add") { connection in
            let rows = try await connection.query("""
                SELECT unit_id, movement_id, state, restricted, submitted_by FROM thidua.nominations WHERE id = \(nominationID)
                """)
            guard let row = try rows.single() else { throw ThiduaError.notFound("hồ sơ đề nghị / nomination") }
            let facts = NominationFacts(
                unitID: try row.decode(column: "unit_id"), movementID: try row.decode(column: "movement_id"),
                state: try row.decodeEnum(column: "state"), restricted: try row.decode(column: "restricted"),
                submittedBy: try row.decode(column: "submitted_by"))
            let capacity = try Policy.permit(actor, .workflow(.edit), on: facts)
            guard facts.state.isEditable else { throw ThiduaError.wrongState(WorkflowRefusal(state: facts.state, event: .edit)) }
            RecordStore.act(in: capacity, on: connection)
            let inserted = try await connection.query("""
                INSERT INTO thidua.nomination_attachments
                    (nomination_id, unit_id, dossier_kind, file_name, media_type, byte_size, sha256, content, uploaded_by)
                VALUES (\(nominationID), \(facts.unitID), \(kind.rawValue), \(fileName), \(mediaType.lowercased()), \(content.count),
                        sha256(\(content)), \(content), \(actor.userID))
                RETURNING \(sql: Attachment.columns)
                """)
            return try Attachment(row: inserted.single()!)
        }
    }

    /// The documents of a nomination the actor may see, without their bytes; a nomination they may not see is
    /// not found (not an empty list, which would confirm it exists).
    public func list(for nominationID: UUID, as actor: Actor) async throws -> [Attachment] {
        try await store.read(actor) { connection in
            guard try await connection.query("SELECT FROM thidua.nominations WHERE id = \(nominationID)").single() != nil else {
                throw ThiduaError.notFound("hồ sơ đề nghị / nomination")
            }
            return try await connection.query("""
                SELECT \(sql: Attachment.columns) FROM thidua.nomination_attachments
                WHERE nomination_id = \(nominationID) ORDER BY uploaded_at, id
                """).map(Attachment.init(row:))
        }
    }

    /// The kinds of document each of `nominationIDs` holds, for a queue that shows what every dossier still
    /// lacks without a query per row. Nominations the actor may not see hold nothing here.
    public func kinds(of nominationIDs: [UUID], as actor: Actor) async throws -> [UUID: Set<DossierKind>] {
        guard !nominationIDs.isEmpty else { return [:] }
        return try await store.read(actor) { connection in
            var kinds: [UUID: Set<DossierKind>] = [:]
            for row in try await connection.query("""
                SELECT DISTINCT nomination_id, dossier_kind FROM thidua.nomination_attachments WHERE nomination_id = ANY (\(nominationIDs))
                """) {
                if let kind = DossierKind(rawValue: try row.decode(String.self, at: 1)) {
                    kinds[try row.decode(UUID.self, at: 0), default: []].insert(kind)
                }
            }
            return kinds
        }
    }

    /// A document's bytes.
    public func content(of attachmentID: UUID, as actor: Actor) async throws -> Data {
        try await store.read(actor) { connection in
            let rows = try await connection.query("SELECT content FROM thidua.nomination_attachments WHERE id = \(attachmentID)")
            guard let row = try rows.single() else { throw ThiduaError.notFound("tài liệu / attachment") }
            return try row.decode(Data.self, at: 0)
        }
    }
}
