import Foundation
import Hummingbird
import ThiduaCore

/// `/quan-tri/don-vi`: the administrator's units — each with the days it exists — and their successions; a unit
/// is created (the commune a merger makes), and a merger, split, rename or transfer is recorded with its day and
/// legal basis, which ends a merged or renamed unit that day (``UnitRepository/recordSuccession``).
struct UnitAdministrationPage: Sendable {
    let store: RecordStore

    struct Row: Sendable { var name: String; var code: String; var kind: String; var validity: String; var ended: Bool }
    struct SuccessionRow: Sendable { var kind: String; var predecessor: String; var successor: String; var day: String; var basis: String }

    private struct View {
        var csrf: String
        var rows: [Row]
        var successions: [SuccessionRow]
        var hasSuccessions: Bool
        var kinds: [Option]
        var successionKinds: [Option]
        var units: [Option]
        var today: String
    }

    static func words(_ kind: SuccessionKind) -> String {
        switch kind {
        case .merge: "Hợp nhất, sáp nhập"
        case .split: "Chia tách"
        case .rename: "Đổi tên"
        case .transfer: "Điều chuyển"
        }
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quan-tri/don-vi") { request, context in try await page(context, flash: Flash.message(request)) }
        pages.post("/quan-tri/don-vi") { _, context in
            let form = context.form
            do {
                guard let kind = form.value("kind").flatMap(UnitKind.init(rawValue:)),
                      let day = form.value("validFrom").flatMap(VietnameseTime.parseDay) else { throw APIError.badParameter("validFrom") }
                _ = try await UnitRepository(store: store).create(
                    code: form.text("code") ?? "", name: form.text("name") ?? "", kind: kind, validFrom: VietnameseTime.isoDay(day), by: context.actor)
                return HTMLPage.redirect(to: "/quan-tri/don-vi?ok=don-vi-moi")
            } catch {
                return try await page(context, error: error).response()
            }
        }
        pages.post("/quan-tri/don-vi/ke-thua") { _, context in
            let form = context.form
            do {
                guard let kind = form.value("successionKind").flatMap(SuccessionKind.init(rawValue:)),
                      let predecessor = form.value("predecessor").flatMap(UUID.init(uuidString:)),
                      let successor = form.value("successor").flatMap(UUID.init(uuidString:)) else { throw APIError.badParameter("successor") }
                guard let day = form.value("effectiveOn").flatMap(VietnameseTime.parseDay) else {
                    throw ThiduaError.invalid(field: "effectiveOn", vietnamese: "Ngày hiệu lực không hợp lệ.", english: "The effective day is not valid.")
                }
                guard predecessor != successor else {
                    throw ThiduaError.invalid(field: "successor", vietnamese: "Đơn vị kế thừa phải khác đơn vị cũ.",
                                              english: "The successor must differ from the predecessor.")
                }
                try await UnitRepository(store: store).recordSuccession(
                    kind, from: predecessor, to: successor, effectiveOn: VietnameseTime.isoDay(day), legalBasis: form.text("legalBasis") ?? "",
                    by: context.actor)
                return HTMLPage.redirect(to: "/quan-tri/don-vi?ok=ke-thua")
            } catch {
                return try await page(context, error: error).response()
            }
        }
    }

    private func page(_ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil) async throws -> HTMLPage {
        do {
            _ = try Policy.authorize(context.actor, CatalogueAction.manageUnits)
        } catch {
            throw ThiduaError.denied(error)
        }
        let repository = UnitRepository(store: store)
        let units = try await repository.list(as: context.actor)
        let names = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        func day(_ iso: String) -> String { VietnameseTime.parseDay(iso).map(VietnameseTime.day) ?? iso }
        let rows = units.map { unit in
            Row(name: unit.name, code: unit.code, kind: unit.kind.vietnamese,
                validity: "Từ \(day(unit.validFrom))" + (unit.validTo.map { " đến trước \(day($0))" } ?? ""), ended: unit.validTo != nil)
        }
        let successions = try await repository.successions(as: context.actor).map { succession in
            SuccessionRow(kind: Self.words(succession.kind), predecessor: names[succession.predecessorID] ?? "", successor: names[succession.successorID] ?? "",
                          day: day(succession.effectiveOn), basis: succession.legalBasis)
        }
        let form = context.form
        let view = View(
            csrf: context.csrfToken, rows: rows, successions: successions, hasSuccessions: !successions.isEmpty,
            kinds: UnitKind.allCases.map { Option(value: $0.rawValue, label: $0.vietnamese, selected: $0.rawValue == form.value("kind")) },
            successionKinds: SuccessionKind.allCases.map { Option(value: $0.rawValue, label: Self.words($0), selected: $0.rawValue == form.value("successionKind")) },
            units: units.filter { $0.validTo == nil }.sorted { $0.name.compare($1.name, locale: Locale(identifier: "vi_VN")) == .orderedAscending }
                .map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: false) },
            today: VietnameseTime.isoDay(VietnameseTime.today()))
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/quan-tri/don-vi")
        return HTMLPage("Đơn vị", template: "units", view: view, shell: shell, flash: flash, refusal: error, logger: context.logger)
    }
}
