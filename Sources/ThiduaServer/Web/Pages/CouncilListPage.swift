import Foundation
import Hummingbird
import ThiduaCore

/// `/hoi-dong`: the council's sessions, what waits for the member's vote first; and `/hoi-dong/moi`, where the
/// secretariat opens a session over a round's verified nominations, chosen by name, never by id.
struct CouncilListPage: Sendable {
    let store: RecordStore

    struct Row: Sendable {
        var href: String
        var title: String
        var round: String
        var state: String
        var stateClass: String
        var opened: String
        var closed: String
        var items: Int
        var awaiting: Int
        var waits: Bool
    }

    private struct ListView {
        var rows: [Row]
        var empty: Bool
        var waiting: Int
        var hasWaiting: Bool
        var mayOpen: Bool
    }

    private struct Candidate {
        var id: String
        var fieldID: String
        var nominee: String
        var kind: String
        var unit: String
        var movement: String
        var checked: Bool
    }

    private struct OpenView {
        var csrf: String
        var rounds: [Option]
        var round: String
        var roundName: String
        var title: String
        var rules: [Option]
        var candidates: [Candidate]
        var hasCandidates: Bool
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/hoi-dong") { request, context in try await list(request, context) }
        pages.get("/hoi-dong/moi") { request, context in
            try await openForm(request, context, round: Self.chosenRound(request.uri.queryParameters["dot"]))
        }
        pages.post("/hoi-dong/moi") { request, context in
            let form = context.form
            let roundID = form.value("dot").flatMap(UUID.init(uuidString:))
            do {
                guard let roundID else { throw APIError.badParameter("dot") }
                let chosen = form.values("ho-so").compactMap(UUID.init(uuidString:))
                let session = try await CouncilRepository(store: store).open(
                    round: roundID, title: form.text("title") ?? "", nominations: chosen,
                    rule: form.value("rule").flatMap(UUID.init(uuidString:)), by: context.actor)
                return HTMLPage.redirect(to: "/hoi-dong/\(session.id.uuidString.lowercased())?ok=mo-phien")
            } catch {
                return try await openForm(request, context, round: roundID, error: error).response()
            }
        }
    }

    private static func chosenRound(_ value: Substring?) -> UUID? { value.flatMap { UUID(uuidString: String($0)) } }

    private func list(_ request: Request, _ context: SignedInContext) async throws -> HTMLPage {
        let sessions = try await CouncilRepository(store: store).sessions(as: context.actor)
        let names = try await CatalogueNames.load(store, as: context.actor)
        // Open sessions first, the newest first within each: the one to act on is at the top.
        let ordered = sessions.sorted { ($0.state == .open ? 0 : 1, $1.openedAt) < ($1.state == .open ? 0 : 1, $0.openedAt) }
        let rows = ordered.map { session in
            Row(href: "/hoi-dong/\(session.id.uuidString.lowercased())", title: session.title, round: names.roundName(session.roundID),
                state: session.state.vietnamese, stateClass: "state-session-\(session.state.rawValue)",
                opened: VietnameseTime.moment(session.openedAt), closed: session.closedAt.map(VietnameseTime.moment) ?? "—",
                items: session.itemCount, awaiting: session.awaitingVote, waits: session.awaitingVote > 0)
        }
        let waiting = sessions.reduce(0) { $0 + $1.awaitingVote }
        let view = ListView(rows: rows, empty: rows.isEmpty, waiting: waiting, hasWaiting: waiting > 0,
                            mayOpen: Policy.allows(context.actor, CouncilAction.open))
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/hoi-dong")
        return HTMLPage("Phiên họp Hội đồng", template: "councils", view: view, shell: shell, flash: Flash.message(request))
    }

    /// The form to open a session: the round (by name), a title, the rule, and the round's verified nominations
    /// as a checklist, all checked — the usual session takes every one of them.
    private func openForm(_ request: Request, _ context: SignedInContext, round: UUID?, error: (any Error)? = nil) async throws -> HTMLPage {
        let actor = context.actor
        do { try Policy.authorize(actor, CouncilAction.open) } catch { throw ThiduaError.denied(error) }
        let names = try await CatalogueNames.load(store, as: actor)
        let nominations = NominationRepository(store: store)
        let verified = try await nominations.list(NominationFilter(states: [.verified], limit: 1000), as: actor)
        let roundID = round ?? names.roundList.first { round in verified.contains { $0.roundID == round.id } }?.id
            ?? names.roundList.first?.id
        let posted = error == nil ? nil : Set(context.form.values("ho-so"))
        let candidates = verified.filter { $0.roundID == roundID }.map { nomination in
            let id = nomination.id.uuidString.lowercased()
            return Candidate(id: id, fieldID: "ho-so-\(id)", nominee: nomination.nomineeName, kind: nomination.nomineeKind.vietnamese,
                             unit: names.unitName(nomination.unitID), movement: names.movementName(nomination.movementID),
                             checked: posted?.contains(id) ?? true)
        }
        let roundName = roundID.map(names.roundName) ?? ""
        let rules = try await CouncilRepository(store: store).rules(as: actor)
        let chosenRule = context.form.value("rule")
        let view = OpenView(
            csrf: context.csrfToken,
            rounds: names.roundList.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == roundID) },
            round: roundID?.uuidString.lowercased() ?? "", roundName: roundName,
            title: context.form.text("title") ?? "Phiên họp xét khen thưởng – \(roundName)",
            rules: [Option(value: "", label: "Theo quy chế mặc định của đợt", selected: chosenRule == nil)]
                + rules.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id.uuidString.lowercased() == chosenRule) },
            candidates: candidates, hasCandidates: !candidates.isEmpty)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/hoi-dong")
        return HTMLPage("Mở phiên họp Hội đồng", template: "council-open", view: view, shell: shell,
                        refusal: error, logger: context.logger)
    }
}
