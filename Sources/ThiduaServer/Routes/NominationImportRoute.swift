import Foundation
import Hummingbird
import NIOCore
import ThiduaCore
import ThiduaOffice

/// `POST /api/v1/nominations/import`: the unit's nominations from a filled-in template, sent as the file itself
/// (CSV or XLSX), all or none (``NominationImport``); what `thidua nominations import` sends. 201 with the
/// drafts made, or 422 naming every wrong row and column, and then nothing is imported.
struct NominationImportRoute: Sendable {
    let nominations: NominationRepository

    struct Imported: Encodable, Sendable {
        var imported: Int
        var items: [Nomination]
    }

    /// A filled template of a few thousand rows; a dossier's documents are far larger.
    static let maximumBytes = 8 << 20
    static let mediaTypes = ["text/csv", SheetFormat.xlsx.mediaType]

    func add(to router: Router<ThiduaRequestContext>) {
        router.post("/api/v1/nominations/import") { request, context in
            let actor = try context.requireActor()
            let declared = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let declared, Self.mediaTypes.contains(declared) else { throw APIError.unsupportedMediaType }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: Self.maximumBytes)
            } catch is NIOTooManyBytesError {
                throw APIError.bodyTooLarge(limit: Self.maximumBytes)
            }
            let rows: [NominationImport.Row]
            do {
                rows = try NominationTemplate.rows(from: Data(buffer.readableBytesView))
            } catch let error as NominationTemplate.Unreadable {
                throw APIError.invalidField("file", vietnamese: error.vietnamese, english: error.english)
            }
            let made = try await nominations.importDrafts(rows, by: actor)
            return APIResponse(Imported(imported: made.count, items: made), status: .created)
        }
    }
}
