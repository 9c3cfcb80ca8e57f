import Foundation
import Hummingbird
import ThiduaCore

/// `/ho-so/moi` and `/ho-so/{id}/sua`: a unit starts a nomination — round, movement and nominee kind first, then
/// the form of that kind with the movement's criteria and figures — or edits a draft or returned one. A refused
/// save shows the form again with everything typed and the reason, and writes nothing.
struct NominationFormPage: Sendable {
    let store: RecordStore

    private struct Chooser {
        var rounds: [Option]
        var movements: [Option]
        var kinds: [Option]
        var note: String
        var hasNote: Bool
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/ho-so/moi") { request, context in
            let query = request.uri.queryParameters
            return try await newForm(context, round: query["dot"].map(String.init), movement: query["phong-trao"].map(String.init),
                                     kind: query["loai"].map(String.init))
        }
        pages.post("/ho-so/moi") { _, context in
            let form = context.form
            do {
                let (round, movement, kind) = try await choice(context, form.value("dot"), form.value("phong-trao"), form.value("loai"))
                guard let round, let movement, let kind else { throw APIError.badParameter("loai") }
                let content = try NominationFormView.content(from: form, movement: movement, round: round)
                let nominee = NewNominee(kind: kind, name: content.nomineeName,
                                         personal: kind == .individual ? NominationFormView.personal(from: form) : nil)
                let created = try await NominationRepository(store: store).create(
                    NominationDraft(roundID: round.id, movementID: movement.id, nominee: .new(nominee), content: content), by: context.actor)
                return HTMLPage.redirect(to: "/ho-so/\(created.id.uuidString.lowercased())?ok=lap-ho-so")
            } catch {
                return try await newForm(context, round: form.value("dot"), movement: form.value("phong-trao"), kind: form.value("loai"),
                                         error: error).response()
            }
        }
        pages.get("/ho-so/:id/sua") { _, context in try await editForm(try context.uuid("id"), context) }
        pages.post("/ho-so/:id/sua") { _, context in
            let id = try context.uuid("id")
            do {
                let nomination = try await NominationRepository(store: store).get(id, as: context.actor)
                let (round, movement) = try await catalogue(of: nomination, context)
                guard let version = context.form.value("version").flatMap(Int.init) else { throw APIError.badParameter("version") }
                let content = try NominationFormView.content(from: context.form, movement: movement, round: round)
                _ = try await NominationRepository(store: store).edit(id, version: version, content: content, by: context.actor)
                return HTMLPage.redirect(to: "/ho-so/\(id.uuidString.lowercased())?ok=sua")
            } catch {
                return try await editForm(id, context, error: error).response()
            }
        }
    }

    /// The round, movement and kind chosen by id and raw value, each `nil` when missing or unknown.
    private func choice(_ context: SignedInContext, _ round: String?, _ movement: String?, _ kind: String?) async throws
        -> (Round?, Movement?, NomineeKind?) {
        let names = try await CatalogueNames.load(store, as: context.actor)
        return (round.flatMap(UUID.init(uuidString:)).flatMap { names.rounds[$0] },
                movement.flatMap(UUID.init(uuidString:)).flatMap { names.movements[$0] },
                kind.flatMap(NomineeKind.init(rawValue:)))
    }

    private func catalogue(of nomination: Nomination, _ context: SignedInContext) async throws -> (Round, Movement) {
        let names = try await CatalogueNames.load(store, as: context.actor)
        guard let round = names.rounds[nomination.roundID], let movement = names.movements[nomination.movementID] else {
            throw ThiduaError.notFound("đợt, phong trào của hồ sơ / the nomination's round or movement")
        }
        return (round, movement)
    }

    private func newForm(
        _ context: SignedInContext, round: String?, movement: String?, kind: String?, error: (any Error)? = nil
    ) async throws -> HTMLPage {
        let actor = context.actor
        let names = try await CatalogueNames.load(store, as: actor)
        let (chosenRound, chosenMovement, chosenKind) = try await choice(context, round, movement, kind)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/ho-so")
        let movements = names.movementList.filter { $0.active && Policy.mayCreate(actor, in: $0.id) }
        guard !movements.isEmpty else {
            throw ThiduaError.denied(.roleRequired([.unitClerk, .unitHead]))
        }
        if let chosenRound, let chosenMovement, let chosenKind, chosenMovement.nomineeKinds.contains(chosenKind) {
            let posted = error == nil ? nil : context.form
            let content = try posted.map { try NominationFormView.content(from: $0, movement: chosenMovement, round: chosenRound, lenient: true) }
                ?? NominationContent(nomineeName: "")
            let view = NominationFormView(
                round: chosenRound, movement: chosenMovement, kind: chosenKind, content: content,
                personal: posted.map(NominationFormView.personal), typed: posted, csrf: context.csrfToken, action: "/ho-so/moi", version: 0, isNew: true)
            return HTMLPage("Lập hồ sơ đề nghị", template: "nomination-form", view: view, shell: shell,
                            refusal: error, logger: context.logger)
        }
        let open = names.roundList.filter { $0.state == "open" }
        let note = chosenMovement.flatMap { movement in chosenKind.flatMap { kind in
            movement.nomineeKinds.contains(kind) ? nil
                : "Phong trào “\(movement.name)” không nhận đề nghị loại “\(kind.vietnamese)”; phong trào này nhận: "
                    + movement.nomineeKinds.map(\.vietnamese).joined(separator: ", ") + "."
        } }
        let view = Chooser(
            rounds: (open.isEmpty ? names.roundList : open).map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == chosenRound?.id) },
            movements: movements.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == chosenMovement?.id) },
            kinds: NomineeKind.allCases.map { Option(value: $0.rawValue, label: $0.vietnamese, selected: $0 == chosenKind) },
            note: note ?? "", hasNote: note != nil)
        return HTMLPage("Lập hồ sơ đề nghị", template: "nomination-new", view: view, shell: shell,
                        refusal: error, logger: context.logger)
    }

    private func editForm(_ id: UUID, _ context: SignedInContext, error: (any Error)? = nil) async throws -> HTMLPage {
        let nomination = try await NominationRepository(store: store).get(id, as: context.actor)
        if let refusal = Policy.editRefusal(context.actor, nomination) { throw refusal }
        let (round, movement) = try await catalogue(of: nomination, context)
        let content = try error == nil ? nil : NominationFormView.content(from: context.form, movement: movement, round: round, lenient: true)
        let view = NominationFormView(
            round: round, movement: movement, kind: nomination.nomineeKind,
            content: content ?? NominationContent(nomineeName: nomination.nomineeName, title: nomination.title, achievements: nomination.achievements,
                                                  criteriaAnswers: nomination.criteriaAnswers, indicators: nomination.indicators),
            personal: nil, typed: error == nil ? nil : context.form, csrf: context.csrfToken, action: "/ho-so/\(id.uuidString.lowercased())/sua", version: nomination.version, isNew: false)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/ho-so")
        return HTMLPage("Sửa hồ sơ", template: "nomination-form", view: view, shell: shell, refusal: error, logger: context.logger)
    }
}
