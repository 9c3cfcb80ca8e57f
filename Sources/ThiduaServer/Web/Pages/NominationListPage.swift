import Foundation
import Hummingbird
import ThiduaCore
import ThiduaOffice

/// `/ho-so`: the nominations the user may see, filtered by state, movement, round and nominee kind, searched by
/// name with or without diacritics, a page at a time; "Tải Excel" / "Tải CSV" (`?tai=xlsx|csv`) give the whole
/// list as filtered, the same file `thidua nominations export` writes (``NominationSheet``).
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
        var downloads: [ReportView.Download]
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/ho-so") { request, context in try await list(request, context) }
    }

    private func list(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let query = request.uri.queryParameters
        func chosen(_ name: String) -> String? { query[Substring(name)].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
        let state = chosen("trang-thai").flatMap(NominationState.init(rawValue:))
        let kind = chosen("loai").flatMap(NomineeKind.init(rawValue:))
        let movementID = chosen("phong-trao").flatMap(UUID.init(uuidString:))
        let roundID = chosen("dot").flatMap(UUID.init(uuidString:))
        let search = chosen("q")
        let page = max(1, chosen("trang").flatMap(Int.init) ?? 1)
        let names = try await CatalogueNames.load(store, as: context.actor)
        let filters = [("trang-thai", state?.rawValue), ("loai", kind?.rawValue), ("phong-trao", movementID?.uuidString),
                       ("dot", roundID?.uuidString), ("q", search)].compactMap { key, value in value.map { (key, $0) } }
        if let wanted = chosen("tai") {
            guard let format = SheetFormat(rawValue: wanted) else { throw APIError.badParameter("tai") }
            let filter = NominationFilter(roundID: roundID, movementID: movementID, states: state.map { [$0] }, nomineeKinds: kind.map { [$0] },
                                          search: search)
            return try await download(filter, format: format, names: names, request: request, context: context)
        }
        let filter = NominationFilter(
            roundID: roundID, movementID: movementID, states: state.map { [$0] }, nomineeKinds: kind.map { [$0] },
            search: search, limit: Self.pageSize + 1, offset: (page - 1) * Self.pageSize)
        let found = try await NominationRepository(store: store).list(filter, as: context.actor)
        let rows = found.prefix(Self.pageSize).map { Self.row($0, names: names) }
        func link(_ parts: [(String, String)]) -> String {
            "/ho-so?" + parts.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        func pageLink(_ number: Int) -> String { link(filters + [("trang", String(number))]) }
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
            pageNumber: page, mayCreate: names.movementList.contains { Policy.mayCreate(context.actor, in: $0.id) },
            downloads: [ReportView.Download(href: link(filters + [("tai", "xlsx")]), label: "Tải Excel"),
                        ReportView.Download(href: link(filters + [("tai", "csv")]), label: "Tải CSV")])
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: request.uri.path)
        return HTMLPage("Hồ sơ đề nghị", template: "nominations", view: view, shell: shell, flash: Flash.message(request)).response()
    }

    /// Every nomination of the filtered list, 500 at a time as the CLI fetches them, in the list's order.
    private func download(
        _ filter: NominationFilter, format: SheetFormat, names: CatalogueNames, request: Request, context: SignedInContext
    ) async throws -> Response {
        var sheet = NominationSheet(
            rounds: names.roundList.map { NominationSheet.Entry(id: $0.id, code: $0.code, name: $0.name) },
            movements: names.movementList.map { NominationSheet.Entry(id: $0.id, code: $0.code, name: $0.name) },
            units: names.units.values.map { NominationSheet.Entry(id: $0.id, code: $0.code, name: $0.name) })
        var filter = filter
        filter.limit = 500
        let nominations = NominationRepository(store: store)
        while true {
            let found = try await nominations.list(filter, as: context.actor)
            found.forEach { sheet.append(NominationSheet.Row($0)) }
            guard found.count == filter.limit else { break }
            filter.offset += filter.limit
        }
        return try OfficeFile(content: try sheet.file(format), mediaType: format.mediaType, fileName: "Ho so de nghi.\(format.rawValue)")
            .response(from: request, context: context)
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
