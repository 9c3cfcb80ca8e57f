import Foundation
import Hummingbird
import ThiduaCore

/// `/dot` and `/dot/{id}`: each round with its deadline, its limits per kind of unit and the movements'
/// minimums; the secretariat grants a unit a deadline exception there, with its reason — what the refusal of a
/// late submission tells the unit to ask for.
struct RoundPages: Sendable {
    let store: RecordStore

    struct RoundRow: Sendable { var href: String; var name: String; var year: Int; var opens: String; var due: String; var countdown: String; var open: Bool }
    struct Limit: Sendable { var kind: String; var minimum: Int; var maximum: Int }
    struct Exception: Sendable { var unit: String; var until: String; var reason: String; var grantedBy: String; var grantedAt: String }
    struct Minimum: Sendable {
        var movement: String; var leadUnit: String?; var kind: String; var required: String; var submitted: Int; var met: Bool; var excess: Int; var over: Bool
    }

    private struct ListView { var rows: [RoundRow] }
    private struct RoundView {
        var id: String
        var csrf: String
        var name: String
        var opens: String
        var due: String
        var countdown: String
        var overdue: Bool
        var dossier: String
        var limits: [Limit]
        var minimums: [Minimum]
        var hasMinimums: Bool
        var mayGrant: Bool
        var units: [Option]
        var until: String
        var reason: String
        var exceptions: [Exception]
        var hasExceptions: Bool
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/dot") { _, context in
            let names = try await CatalogueNames.load(store, as: context.actor)
            let now = Date()
            let rows = names.roundList.map { round in
                RoundRow(href: "/dot/\(round.id.uuidString.lowercased())", name: round.name, year: round.year,
                         opens: VietnameseTime.moment(round.opensAt), due: VietnameseTime.moment(round.dueAt),
                         countdown: HomeView.countdown(to: round.dueAt, from: now).words, open: round.state == "open")
            }
            let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/dot")
            return HTMLPage("Các đợt thi đua", template: "rounds", view: ListView(rows: rows), shell: shell)
        }
        pages.get("/dot/:id") { request, context in try await page(try context.uuid("id"), context, flash: Flash.message(request)) }
        pages.post("/dot/:id/gia-han") { _, context in
            let id = try context.uuid("id")
            let form = context.form
            do {
                guard let unit = form.value("unit").flatMap(UUID.init(uuidString:)) else { throw APIError.badParameter("unit") }
                guard let until = form.value("until").flatMap(VietnameseTime.parseMoment) else {
                    throw ThiduaError.invalid(field: "until", vietnamese: "Thời hạn mới không hợp lệ.", english: "The new time limit is not valid.")
                }
                _ = try await RoundRepository(store: store).grantDeadlineException(
                    round: id, unit: unit, until: until, reason: form.text("reason") ?? "", by: context.actor)
                return HTMLPage.redirect(to: "/dot/\(id.uuidString.lowercased())?ok=gia-han")
            } catch {
                return try await page(id, context, error: error).response()
            }
        }
    }

    private func page(_ id: UUID, _ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil) async throws -> HTMLPage {
        let actor = context.actor
        let names = try await CatalogueNames.load(store, as: actor)
        guard let round = names.rounds[id] else { throw ThiduaError.notFound("đợt / round") }
        let compliance = try await RoundRepository(store: store).compliance(round: id, as: actor)
        var seen = Set<UnitKind>()
        let limits = compliance.units.filter { seen.insert($0.unitKind).inserted }
            .map { Limit(kind: $0.unitKind.vietnamese, minimum: $0.minimum, maximum: $0.maximum) }
        let minimums = compliance.movements.map { movement in
            Minimum(movement: movement.movementName, leadUnit: movement.leadUnitName, kind: movement.nomineeKind?.vietnamese ?? "Mọi loại",
                    required: "\(movement.required)" + (movement.maximum.map { "–\($0)" } ?? ""),
                    submitted: movement.counts.submitted, met: movement.shortfall == 0, excess: movement.excess, over: movement.excess > 0)
        }
        let left = HomeView.countdown(to: round.dueAt, from: Date())
        let units = names.units.values.filter { unit in compliance.units.contains { $0.unitID == unit.id } }
            .sorted { $0.name.compare($1.name, locale: Locale(identifier: "vi_VN")) == .orderedAscending }
        let chosen = context.form.value("unit")
        let exceptions = try await RoundRepository(store: store).deadlineExceptions(round: id, as: actor).map { exception in
            Exception(unit: exception.unitName, until: VietnameseTime.moment(exception.until), reason: exception.reason,
                      grantedBy: exception.grantedByName, grantedAt: VietnameseTime.moment(exception.grantedAt))
        }
        let view = RoundView(
            id: id.uuidString.lowercased(), csrf: context.csrfToken, name: round.name, opens: VietnameseTime.moment(round.opensAt),
            due: VietnameseTime.moment(round.dueAt), countdown: left.words, overdue: left.overdue,
            dossier: round.requiredDossierKinds.map(\.vietnamese).joined(separator: ", "),
            limits: limits, minimums: minimums, hasMinimums: !minimums.isEmpty,
            mayGrant: Policy.allows(actor, CatalogueAction.grantDeadlineException),
            units: units.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id.uuidString.lowercased() == chosen) },
            until: context.form.value("until") ?? "", reason: context.form.text("reason") ?? "",
            exceptions: exceptions, hasExceptions: !exceptions.isEmpty)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/dot")
        return HTMLPage(round.name, template: "round", view: view, shell: shell, flash: flash, refusal: error, logger: context.logger)
    }
}
