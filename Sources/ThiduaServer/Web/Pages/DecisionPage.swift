import Foundation
import Hummingbird
import ThiduaCore

/// `/quyet-dinh/{id}`: one decision with its full text. The chairman reads it and signs here, or sends it back
/// with a reason; the secretariat puts a returned one up again or takes an item out. A decision the user may
/// not see is 404, as in the API.
struct DecisionPage: Sendable {
    let store: RecordStore
    /// Whether LibreOffice was found at start-up (``ServerConfiguration/pdfConverter``).
    let offersPDF: Bool

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quyet-dinh/:id") { request, context in
            try await page(try context.uuid("id"), context, flash: Flash.message(request))
        }
        pages.post("/quyet-dinh/:id/buoc") { _, context in
            let id = try context.uuid("id")
            let form = context.form
            let decisions = DecisionRepository(store: store)
            do {
                guard let version = form.value("version").flatMap(Int.init) else { throw APIError.badParameter("version") }
                let step = form.value("step") ?? ""
                switch step {
                case "ky": _ = try await decisions.sign(id, version: version, by: context.actor)
                case "tra-lai": _ = try await decisions.sendBack(id, version: version, reason: form.text("reason") ?? "", by: context.actor)
                case "trinh-lai": _ = try await decisions.resubmit(id, version: version, by: context.actor)
                case "bo-dong":
                    guard let item = form.value("item").flatMap(UUID.init(uuidString:)) else { throw APIError.badParameter("item") }
                    _ = try await decisions.removeItem(item, from: id, version: version, by: context.actor)
                default: throw APIError.badParameter("step")
                }
                return HTMLPage.redirect(to: "/quyet-dinh/\(id.uuidString.lowercased())?ok=qd-\(step)")
            } catch {
                return try await page(id, context, error: error).response()
            }
        }
    }

    private func page(_ id: UUID, _ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil) async throws -> HTMLPage {
        let actor = context.actor
        let decisions = DecisionRepository(store: store)
        let decision = try await decisions.decision(id, as: actor)
        let document = try await decisions.document(id, as: actor)
        let forms = Dictionary(try await LegalRules(store: store).forms(as: actor).map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let names = try await CatalogueNames.load(store, as: actor)
        let users = UserRepository(store: store)
        let people = try await users.names(of: Set([decision.draftedBy] + (decision.signedBy.map { [$0] } ?? [])), as: actor)
        let view = DecisionView(decision: decision, document: document, forms: forms, names: names, people: people,
                                actor: actor, csrf: context.csrfToken, offersPDF: offersPDF)
        let shell = try await PageShell.load(context, users: users, path: "/quyet-dinh")
        return HTMLPage(view.heading, template: "decision", view: view, shell: shell,
                        flash: flash, refusal: error, logger: context.logger)
    }
}
