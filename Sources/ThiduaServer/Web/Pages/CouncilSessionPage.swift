import Foundation
import Hummingbird
import ThiduaCore

/// `/hoi-dong/{id}`: one council session. A member votes on each nomination from here (it works on a phone:
/// one card per nomination, large choices), or steps aside with a reason; the secretariat closes the session,
/// which counts the votes by the council's rule; the minutes print from here.
struct CouncilSessionPage: Sendable {
    let store: RecordStore

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/hoi-dong/:id") { request, context in
            try await page(try context.uuid("id"), context, flash: Flash.message(request))
        }
        pages.post("/hoi-dong/:id/phieu") { _, context in
            let id = try context.uuid("id")
            let form = context.form
            do {
                guard let nomination = form.value("ho-so").flatMap(UUID.init(uuidString:)) else { throw APIError.badParameter("ho-so") }
                guard let choice = form.value("choice").flatMap(VoteChoice.init(rawValue:)) else {
                    throw ThiduaError.invalid(field: "choice", vietnamese: "Hãy chọn Tán thành, Không tán thành hoặc Không biểu quyết.",
                                              english: "Choose approve, reject or abstain.")
                }
                guard let version = form.value("version").flatMap(Int.init) else { throw APIError.badParameter("version") }
                _ = try await CouncilRepository(store: store).vote(
                    choice, comment: form.text("comment"), on: nomination, in: id, version: version, by: context.actor)
                return HTMLPage.redirect(to: "/hoi-dong/\(id.uuidString.lowercased())?ok=phieu#ho-so-\(nomination.uuidString.lowercased())")
            } catch {
                return try await page(id, context, error: error).response()
            }
        }
        pages.post("/hoi-dong/:id/rut-lui") { _, context in
            let id = try context.uuid("id")
            do {
                guard let nomination = context.form.value("ho-so").flatMap(UUID.init(uuidString:)) else { throw APIError.badParameter("ho-so") }
                _ = try await CouncilRepository(store: store).recuse(
                    from: nomination, in: id, reason: context.form.text("reason") ?? "", by: context.actor)
                return HTMLPage.redirect(to: "/hoi-dong/\(id.uuidString.lowercased())?ok=rut-lui")
            } catch {
                return try await page(id, context, error: error).response()
            }
        }
        pages.post("/hoi-dong/:id/ket-thuc") { _, context in
            let id = try context.uuid("id")
            do {
                guard let version = context.form.value("version").flatMap(Int.init) else { throw APIError.badParameter("version") }
                _ = try await CouncilRepository(store: store).close(id, version: version, by: context.actor)
                return HTMLPage.redirect(to: "/hoi-dong/\(id.uuidString.lowercased())?ok=ket-thuc")
            } catch {
                return try await page(id, context, error: error).response()
            }
        }
    }

    private func page(_ id: UUID, _ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil) async throws -> HTMLPage {
        let council = CouncilRepository(store: store)
        let session = try await council.session(id, as: context.actor)
        let minutes = try await council.minutes(id, as: context.actor)
        let names = try await CatalogueNames.load(store, as: context.actor)
        let view = CouncilSessionView(session: session, minutes: minutes, roundName: names.roundName(session.roundID),
                                      actor: context.actor, csrf: context.csrfToken)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/hoi-dong")
        return HTMLPage(session.title, template: "council", view: view, shell: shell,
                        flash: flash, refusal: error, logger: context.logger)
    }
}
