import Foundation
import Hummingbird
import ThiduaCore

/// `/ho-so`: the nominations the user may see, filtered by state, movement, round and nominee kind, searched by
/// name with or without diacritics, a page at a time.
struct NominationListPage: Sendable {
    static let pageSize = 25

    let store: RecordStore

    struct Row: Sendable {
        var href: String
        var nominee: String
        var kind: String
        var movement: String
        var unit: String
        var round: String
        var state: String
        var stateClass: String
        var updated: String
    }

    private struct View {
        var q: String
        var states: [Option]
        var movements: [Option]
        var rounds: [Option]
        var kinds: [Option]
        var rows: [Row]
        var empty: Bool
        var previous: String?
        var next: String?
        var pageNumber: Int
        var mayCreate: Bool
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/ho-so") { request, context in try await list(request, context) }
    }

    private func list(_ request: Request, _ context: SignedInContext) async throws -> HTMLPage {
        let query = request.uri.queryParameters
        func chosen(_ name: String) -> String? { query[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        let state = chosen("trang-thai").flatMap(NominationState.init(rawValue:))
        let kind = chosen("loai").flatMap(NomineeKind.init(rawValue:))
        let movementID = chosen("phong-trao").flatMap(UUID.init(uuidString:))
        let roundID = chosen("dot").flatMap(UUID.init(uuidString:))
        let search = chosen("q")
        let page = max(1, chosen("trang").flatMap(Int.init) ?? 1)
        let names = try await CatalogueNames.load(store, as: context.actor)
        let filter = NominationFilter(
            roundID: roundID, movementID: movementID, states: state.map { [$0] }, nomineeKinds: kind.map { [$0] },
            search: search, limit: Self.pageSize + 1, offset: (page - 1) * Self.pageSize)
        let found = try await NominationRepository(store: store).list(filter, as: context.actor)
        let rows = found.prefix(Self.pageSize).map { Self.row($0, names: names) }
        func pageLink(_ number: Int) -> String {
            var parts = [("trang-thai", state?.rawValue), ("loai", kind?.rawValue), ("phong-trao", movementID?.uuidString),
                         ("dot", roundID?.uuidString), ("q", search)].compactMap { key, value in value.map { (key, $0) } }
            parts.append(("trang", String(number)))
            return "/ho-so?" + parts.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        let view = View(
            q: search ?? "",
            states: [Option(value: "", label: "Mọi trạng thái", selected: state == nil)]
                + NominationState.allCases.map { Option(value: $0.rawValue, label: $0.vietnamese, selected: $0 == state) },
            movements: [Option(value: "", label: "Mọi phong trào", selected: movementID == nil)]
                + names.movementList.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id == movementID) },
            rounds: [Option(value: "", label: "Mọi đợt", selected: roundID == nil)]
                + names.roundList.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id == roundID) },
            kinds: [Option(value: "", label: "Mọi loại đối tượng", selected: kind == nil)]
                + NomineeKind.allCases.map { Option(value: $0.rawValue, label: $0.vietnamese, selected: $0 == kind) },
            rows: Array(rows), empty: rows.isEmpty,
            previous: page > 1 ? pageLink(page - 1) : nil, next: found.count > Self.pageSize ? pageLink(page + 1) : nil,
            pageNumber: page, mayCreate: names.movementList.contains { Policy.mayCreate(context.actor, in: $0.id) })
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: request.uri.path)
        return HTMLPage("Hồ sơ đề nghị", template: "nominations", view: view, shell: shell, flash: Flash.message(request))
    }

    static func row(_ nomination: Nomination, names: CatalogueNames) -> Row {
        Row(
            href: "/ho-so/\(nomination.id.uuidString.lowercased())", nominee: nomination.nomineeName,
            kind: nomination.nomineeKind.vietnamese, movement: names.movementName(nomination.movementID),
            unit: names.unitName(nomination.unitID), round: names.roundName(nomination.roundID),
            state: nomination.state.vietnamese, stateClass: "state-\(nomination.state.rawValue)",
            updated: VietnameseTime.moment(nomination.updatedAt))
    }
}
