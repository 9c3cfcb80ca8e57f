import Foundation
import Hummingbird
import ThiduaCore

/// `/ho-so/{id}`: one nomination — its state in Vietnamese, the reason of its last return at the top, what
/// changed since, only the steps this user may take now (from the policy), its dossier against what the round
/// requires, and its history as a timeline with names. Another unit's record is 404, as in the API.
struct NominationRecordPage: Sendable {
    let store: RecordStore

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/ho-so/:id") { request, context in
            try await page(try context.uuid("id"), request, context, flash: Flash.message(request))
        }
        pages.post("/ho-so/:id/buoc") { request, context in
            let id = try context.uuid("id")
            let form = context.form
            do {
                guard let event = form.value("event").flatMap(NominationEvent.init(rawValue:)),
                      !event.isCouncilStep, !event.isDecisionStep, event != .edit else { throw APIError.badParameter("event") }
                guard let version = form.value("version").flatMap(Int.init) else { throw APIError.badParameter("version") }
                _ = try await NominationRepository(store: store).perform(event, on: id, version: version, reason: form.text("reason"), by: context.actor)
                // A step taken from the review queue goes back to it; only this one place, never an address from the form.
                let back = form.value("tro-ve") == "duyet" ? "/duyet" : "/ho-so/\(id.uuidString.lowercased())"
                return HTMLPage.redirect(to: "\(back)?ok=\(event.rawValue)")
            } catch {
                return try await page(id, request, context, error: error).response()
            }
        }
        pages.post("/ho-so/:id/tai-lieu") { request, context in
            let id = try context.uuid("id")
            do {
                guard let kind = context.form.value("kind").flatMap(DossierKind.init(rawValue:)) else { throw APIError.badParameter("kind") }
                guard let file = context.form.file("file") else {
                    throw ThiduaError.invalid(field: "file", vietnamese: "Hãy chọn tệp cần tải lên.", english: "Choose a file to upload.")
                }
                let mediaType = try DossierFile.checkedMediaType(declared: file.mediaType, fileName: file.fileName, content: file.content)
                _ = try await AttachmentRepository(store: store).add(
                    kind, fileName: file.fileName, mediaType: mediaType, content: file.content, to: id, by: context.actor)
                return HTMLPage.redirect(to: "/ho-so/\(id.uuidString.lowercased())?ok=tai-lieu")
            } catch {
                return try await page(id, request, context, error: error).response()
            }
        }
        pages.get("/tai-lieu/:id") { _, context in
            let document = try await AttachmentRepository(store: store).document(try context.uuid("id"), as: context.actor)
            return DossierFile.download(document.attachment, content: document.content)
        }
    }

    private func page(
        _ id: UUID, _ request: Request, _ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil
    ) async throws -> HTMLPage {
        let actor = context.actor
        let nominations = NominationRepository(store: store)
        let nomination = try await nominations.get(id, as: actor)
        let names = try await CatalogueNames.load(store, as: actor)
        let attachments = try await AttachmentRepository(store: store).list(for: id, as: actor)
        let history = try await AuditTrail(store: store).history(of: "nominations", id: id.uuidString.lowercased(), as: actor)
        let changes = nomination.returnCount > 0 ? try await nominations.changesSinceReturn(id, as: actor) : nil
        let users = UserRepository(store: store)
        let people = try await users.names(
            of: Set(history.map(\.actorID) + attachments.map(\.uploadedBy) + [nomination.createdBy]), as: actor)
        let view = NominationRecordView(
            nomination: nomination, actor: actor, csrf: context.csrfToken, names: names, attachments: attachments,
            history: history, changes: changes, people: people)
        let shell = try await PageShell.load(context, users: users, path: "/ho-so")
        return HTMLPage(nomination.nomineeName, template: "nomination", view: view, shell: shell,
                        flash: flash, refusal: error, logger: context.logger)
    }
}
