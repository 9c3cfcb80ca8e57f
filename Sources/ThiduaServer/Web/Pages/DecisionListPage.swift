import Foundation
import Hummingbird
import ThiduaCore
import ThiduaOffice

/// `/quyet-dinh`: the decisions the user may see, by state — drafts waiting for the chairman's signature,
/// those sent back, signed, revoked — each by its number and subject, never its id. "Tải Excel" / "Tải CSV"
/// (`?tai=xlsx|csv`) give the list as filtered (``DecisionSheet``).
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
        var downloads: [ReportView.Download]
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quyet-dinh") { request, context in try await list(request, context) }
    }

    private func list(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let state = request.uri.queryParameters["trang-thai"].flatMap { DecisionState(rawValue: String($0)) }
        let decisions = try await DecisionRepository(store: store).list(states: state.map { [$0] } ?? [], as: context.actor)
        if let wanted = request.uri.queryParameters["tai"].map(String.init) {
            guard let format = SheetFormat(rawValue: wanted) else { throw APIError.badParameter("tai") }
            return try OfficeFile(content: try DecisionSheet.file(decisions, format: format), mediaType: format.mediaType,
                                  fileName: "Quyet dinh khen thuong.\(format.rawValue)").response(from: request, context: context)
        }
        let filter = state.map { "trang-thai=\($0.rawValue)&" } ?? ""
        let tabs = [Tab(href: "/quyet-dinh", label: "Tất cả", current: state == nil)] + DecisionState.allCases.map { each in
            Tab(href: "/quyet-dinh?trang-thai=\(each.rawValue)", label: Self.stateWords(each), current: each == state)
        }
        let view = View(tabs: tabs, rows: decisions.map(Self.row), empty: decisions.isEmpty,
                        mayPrepare: Policy.allows(context.actor, DecisionAction.prepare),
                        downloads: [ReportView.Download(href: "/quyet-dinh?\(filter)tai=xlsx", label: "Tải Excel"),
                                    ReportView.Download(href: "/quyet-dinh?\(filter)tai=csv", label: "Tải CSV")])
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/quyet-dinh")
        return HTMLPage("Quyết định khen thưởng", template: "decisions", view: view, shell: shell, flash: Flash.message(request)).response()
    }

    static func row(_ decision: DecisionSummary) -> Row {
        Row(href: "/quyet-dinh/\(decision.id.uuidString.lowercased())", symbol: decision.symbol.map { "Số \($0)" } ?? "Chưa có số",
            kind: decision.kind.vietnamese, subject: decision.subject, date: VietnameseTime.day(decision.decidedOn), items: decision.itemCount,
            state: stateWords(decision.state), stateClass: "state-decision-\(decision.state.rawValue)")
    }

    /// A draft is what waits for the chairman's signature: say so, for the one who signs (the file says the same).
    static func stateWords(_ state: DecisionState) -> String {
        DecisionSheet.stateWords(state)
    }
}
