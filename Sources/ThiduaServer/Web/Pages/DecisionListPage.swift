import Foundation
import Hummingbird
import ThiduaCore

/// `/quyet-dinh`: the decisions the user may see, by state — drafts waiting for the chairman's signature,
/// those sent back, signed, revoked — each by its number and subject, never its id.
struct DecisionListPage: Sendable {
    let store: RecordStore

    struct Row: Sendable {
        var href: String
        var symbol: String
        var kind: String
        var subject: String
        var date: String
        var items: Int
        var state: String
        var stateClass: String
    }

    private struct Tab {
        var href: String
        var label: String
        var current: Bool
    }

    private struct View {
        var tabs: [Tab]
        var rows: [Row]
        var empty: Bool
        var mayPrepare: Bool
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quyet-dinh") { request, context in try await list(request, context) }
    }

    private func list(_ request: Request, _ context: SignedInContext) async throws -> HTMLPage {
        let state = request.uri.queryParameters["trang-thai"].flatMap { DecisionState(rawValue: String($0)) }
        let decisions = try await DecisionRepository(store: store).list(states: state.map { [$0] } ?? [], as: context.actor)
        let tabs = [Tab(href: "/quyet-dinh", label: "Tất cả", current: state == nil)] + DecisionState.allCases.map { each in
            Tab(href: "/quyet-dinh?trang-thai=\(each.rawValue)", label: Self.stateWords(each), current: each == state)
        }
        let view = View(tabs: tabs, rows: decisions.map(Self.row), empty: decisions.isEmpty,
                        mayPrepare: Policy.allows(context.actor, DecisionAction.prepare))
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/quyet-dinh")
        return HTMLPage("Quyết định khen thưởng", template: "decisions", view: view, shell: shell, flash: Flash.message(request))
    }

    static func row(_ decision: DecisionSummary) -> Row {
        Row(href: "/quyet-dinh/\(decision.id.uuidString.lowercased())", symbol: decision.symbol.map { "Số \($0)" } ?? "Chưa có số",
            kind: decision.kind.vietnamese, subject: decision.subject, date: VietnameseTime.day(decision.decidedOn), items: decision.itemCount,
            state: stateWords(decision.state), stateClass: "state-decision-\(decision.state.rawValue)")
    }

    /// A draft is what waits for the chairman's signature: say so, for the one who signs.
    static func stateWords(_ state: DecisionState) -> String {
        state == .draft ? "Dự thảo, chờ ký" : state.vietnamese
    }
}
