import Foundation
import Hummingbird
import ThiduaCore

/// `/phong-trao` and `/phong-trao/{id}`: each emulation movement with its lead units, the nominee kinds it takes,
/// its minimums in the current round, its criteria checklist and its figures — what a unit reads before it
/// nominates.
/// The secretariat rewords or adds criteria there for a new year (``MovementRepository/setCriteria(_:of:seen:by:)``).
struct MovementPages: Sendable {
    let store: RecordStore

    struct Row: Sendable { var href: String; var name: String; var kinds: String; var leads: String }
    struct Minimum: Sendable { var round: String; var kind: String; var required: Int }
    struct Figure: Sendable { var name: String; var rule: String }

    private struct ListView { var rows: [Row] }
    private struct MovementView {
        var name: String
        var code: String
        var field: String
        var years: String
        var kinds: String
        var leads: String
        var criteria: [Criterion]
        var figures: [Figure]
        var hasFigures: Bool
        var minimums: [Minimum]
        var hasMinimums: Bool
        var newHref: String?
        var id: String
        var csrf: String
        var mayEdit: Bool
        var checklist: String
        var seen: String
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/phong-trao") { _, context in
            let names = try await CatalogueNames.load(store, as: context.actor)
            var rows: [Row] = []
            let movements = MovementRepository(store: store)
            for movement in names.movementList where movement.active {
                let leads = try await movements.leadUnits(of: movement.id, as: context.actor).map(names.unitName)
                rows.append(Row(href: "/phong-trao/\(movement.id.uuidString.lowercased())", name: movement.name,
                                kinds: movement.nomineeKinds.map(\.vietnamese).joined(separator: ", "),
                                leads: leads.isEmpty ? "Không có đơn vị chủ trì (gửi thẳng Cơ quan Thường trực)" : leads.joined(separator: ", ")))
            }
            let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/phong-trao")
            return HTMLPage("Các phong trào thi đua", template: "movements", view: ListView(rows: rows), shell: shell)
        }
        pages.get("/phong-trao/:id") { request, context in try await page(try context.uuid("id"), context, flash: Flash.message(request)) }
        pages.post("/phong-trao/:id/tieu-chi") { _, context in
            let id = try context.uuid("id")
            do {
                let seen = try JSONDecoder().decode([Criterion].self, from: Data((context.form.value("seen") ?? "[]").utf8))
                try await MovementRepository(store: store).setCriteria(
                    try Self.criteria(from: context.form.value("checklist") ?? ""), of: id, seen: seen, by: context.actor)
                return HTMLPage.redirect(to: "/phong-trao/\(id.uuidString.lowercased())?ok=tieu-chi")
            } catch is DecodingError {
                throw APIError.badParameter("seen")
            } catch {
                return try await page(id, context, error: error).response()
            }
        }
    }

    /// The checklist as the secretariat types it: one criterion a line, its code, a vertical bar, its text.
    static func criteria(from text: String) throws -> [Criterion] {
        try text.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line in
            let parts = line.split(separator: "|", maxSplits: 1)
            guard parts.count == 2 else {
                throw ThiduaError.invalid(field: "checklist", vietnamese: "Mỗi dòng ghi mã tiêu chí, dấu “|”, rồi nội dung: “\(line)”.",
                                          english: "Each line is a code, '|', then the text: “\(line)”.")
            }
            return Criterion(code: parts[0].trimmingCharacters(in: .whitespaces), text: parts[1].trimmingCharacters(in: .whitespaces))
        }
    }

    private func page(_ id: UUID, _ context: SignedInContext, flash: String? = nil, error: (any Error)? = nil) async throws -> HTMLPage {
        let actor = context.actor
        let names = try await CatalogueNames.load(store, as: actor)
        let movements = MovementRepository(store: store)
        let movement = try await movements.get(id, as: actor)
        let leads = try await movements.leadUnits(of: id, as: actor).map(names.unitName)
        var minimums: [Minimum] = []
        for round in names.roundList where round.state == "open" {
            for line in try await RoundRepository(store: store).compliance(round: round.id, as: actor).movements where line.movementID == id {
                let kind = (line.nomineeKind?.vietnamese ?? "Mọi loại") + (line.leadUnitName.map { ", mỗi đơn vị chủ trì — \($0)" } ?? "")
                minimums.append(Minimum(round: round.name, kind: kind, required: line.required))
            }
        }
        let open = names.roundList.first { $0.state == "open" }
        let view = MovementView(
            name: movement.name, code: movement.code, field: movement.field,
            years: movement.endsYear.map { "\(movement.startsYear)–\($0)" } ?? "Từ năm \(movement.startsYear), thường xuyên",
            kinds: movement.nomineeKinds.map(\.vietnamese).joined(separator: ", "),
            leads: leads.isEmpty ? "Không có đơn vị chủ trì: hồ sơ gửi thẳng Cơ quan Thường trực thẩm định" : leads.joined(separator: ", "),
            criteria: movement.criteria,
            figures: movement.indicators.map { Figure(name: "\($0.name) (\($0.unit))\($0.perYear ? ", theo từng năm" : "")", rule: $0.rule == "rising" ? "phải tăng qua từng năm" : "") },
            hasFigures: !movement.indicators.isEmpty, minimums: minimums, hasMinimums: !minimums.isEmpty,
            newHref: open.flatMap { round in Policy.mayCreate(actor, in: id) ? "/ho-so/moi?dot=\(round.id.uuidString.lowercased())&phong-trao=\(id.uuidString.lowercased())" : nil },
            id: id.uuidString.lowercased(), csrf: context.csrfToken, mayEdit: Policy.allows(actor, CatalogueAction.manageRounds),
            checklist: context.form.value("checklist") ?? movement.criteria.map { "\($0.code) | \($0.text)" }.joined(separator: "\n"),
            seen: String(decoding: try JSONEncoder().encode(movement.criteria), as: UTF8.self))
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/phong-trao")
        return HTMLPage(movement.name, template: "movement", view: view, shell: shell, flash: flash, refusal: error, logger: context.logger)
    }
}
