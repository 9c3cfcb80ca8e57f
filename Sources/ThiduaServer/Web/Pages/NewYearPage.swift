import Foundation
import Hummingbird
import ThiduaCore

/// `/quan-tri/nam-moi`: the secretariat opens a year of the plan from the page (issue 16, item 4). It chooses the
/// year; the page proposes the rounds of the last year opened, a year on, with each kind of unit's limits and the
/// minimums of the movements that still run, beside their lead units; everything is editable, and one press
/// writes it all in one transaction (``RoundRepository/openYear(_:by:)``). A year opened twice is a 409 here.
struct NewYearPage: Sendable {
    let store: RecordStore

    /// The kinds of unit that submit, in the order the plan lists them; the secretariat and the council submit nothing.
    static let submittingKinds: [UnitKind] = [.commune, .department, .enterprise, .armedForce]

    struct LimitField: Sendable { var name: String; var kind: String; var minimum: String; var maximum: String }
    struct RoundField: Sendable {
        var index: Int; var code: String; var name: String; var level: String; var levelName: String
        var opens: String; var due: String; var citation: String; var kinds: String; var rules: [Option]; var limits: [LimitField]
    }
    struct MinimumField: Sendable {
        var index: Int; var round: Int; var roundName: String; var movement: String; var kind: String; var kindName: String
        var minimum: String; var maximum: String; var perLeadUnit: Bool
    }
    struct MovementBlock: Sendable { var name: String; var leads: String?; var minimums: [MinimumField] }

    private struct View {
        var csrf: String
        var year: Int
        var copiedFrom: String
        var hasProposal: Bool
        var rounds: [RoundField]
        var roundCount: Int
        var movements: [MovementBlock]
        var minimumCount: Int
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quan-tri/nam-moi") { request, context in
            let chosen = request.uri.queryParameters["nam"].flatMap { Int(String($0)) }
            let year: Int
            if let chosen {
                year = chosen
            } else {
                year = (try await RoundRepository(store: store).list(as: context.actor).map(\.year).max() ?? Calendar.current.component(.year, from: Date()) - 1) + 1
            }
            let plan = try await RoundRepository(store: store).proposeYear(year, as: context.actor)
            return try await page(plan, context)
        }
        pages.post("/quan-tri/nam-moi") { _, context in
            let repository = RoundRepository(store: store)
            var plan: YearPlan?
            do {
                plan = try Self.plan(from: context.form)
                let ids = try await repository.openYear(plan!, by: context.actor)
                let first = plan!.rounds.first.flatMap { ids[$0.code] }
                return HTMLPage.redirect(to: first.map { "/dot/\($0.uuidString.lowercased())?ok=nam-moi" } ?? "/dot")
            } catch ThiduaError.duplicate(let field) {
                let shown = try await proposal(plan, context)
                let message = field == "year" || field == "plan_years_once"
                    ? "Năm \(shown.year) đã được mở: các đợt của năm này đã có, không mở lần thứ hai. Sửa hạn hoặc giới hạn ở trang của từng đợt."
                    : "Mã đợt đã có ở một năm khác; hãy đặt mã khác cho đợt."
                return try await page(shown, context, status: .conflict, error: message).response()
            } catch {
                return try await page(try await proposal(plan, context), context, refusal: error).response()
            }
        }
    }

    /// The plan to show again after a refusal: what was sent when it could be read, else the proposal afresh.
    private func proposal(_ sent: YearPlan?, _ context: SignedInContext) async throws -> YearPlan {
        if let sent { return sent }
        let year = context.form.value("year").flatMap { Int($0) } ?? Calendar.current.component(.year, from: Date())
        return try await RoundRepository(store: store).proposeYear(year, as: context.actor)
    }

    private func page(
        _ plan: YearPlan, _ context: SignedInContext, status: HTTPResponse.Status = .ok, error: String? = nil, refusal: (any Error)? = nil
    ) async throws -> HTMLPage {
        let actor = context.actor
        let names = try await CatalogueNames.load(store, as: actor)
        let leads = try await MovementRepository(store: store).leadUnitNames(as: actor)
        let councilRules = try await CouncilRepository(store: store).rules(as: actor)
        let rounds = plan.rounds.enumerated().map { index, round in
            RoundField(
                index: index, code: round.code, name: round.name, level: round.level, levelName: Self.levelName(round.level),
                opens: VietnameseTime.isoMoment(round.opensAt), due: VietnameseTime.isoMoment(round.dueAt),
                citation: round.planCitation ?? "", kinds: round.requiredDossierKinds.map(\.rawValue).joined(separator: ","),
                rules: [Option(value: "", label: "Quy tắc mặc định đang áp dụng", selected: round.councilRuleID == nil)]
                    + councilRules.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == round.councilRuleID) },
                limits: Self.submittingKinds.map { kind in
                    let limit = round.limits.first { $0.unitKind == kind }
                    return LimitField(name: "r\(index).\(kind.rawValue)", kind: kind.vietnamese,
                                      minimum: limit.map { "\($0.minimum)" } ?? "", maximum: limit.map { "\($0.maximum)" } ?? "")
                })
        }
        var blocks: [MovementBlock] = []
        for (index, minimum) in plan.minimums.enumerated() {
            let roundIndex = plan.rounds.firstIndex { $0.code == minimum.roundCode } ?? 0
            let field = MinimumField(
                index: index, round: roundIndex, roundName: plan.rounds.indices.contains(roundIndex) ? plan.rounds[roundIndex].name : "",
                movement: minimum.movementID.uuidString.lowercased(), kind: minimum.nomineeKind,
                kindName: NomineeKind(rawValue: minimum.nomineeKind)?.vietnamese ?? "Mọi loại",
                minimum: "\(minimum.minimum)", maximum: minimum.maximum.map { "\($0)" } ?? "", perLeadUnit: minimum.perLeadUnit)
            let name = names.movementName(minimum.movementID)
            if let last = blocks.indices.last, blocks[last].name == name {
                blocks[last].minimums.append(field)
            } else {
                blocks.append(MovementBlock(name: name, leads: leads[minimum.movementID]?.joined(separator: ", "), minimums: [field]))
            }
        }
        let view = View(
            csrf: context.csrfToken, year: plan.year, copiedFrom: plan.copiedFrom.map { "\($0)" } ?? "", hasProposal: !plan.rounds.isEmpty,
            rounds: rounds, roundCount: rounds.count, movements: blocks, minimumCount: plan.minimums.count)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/quan-tri/nam-moi")
        let title = "Mở năm \(plan.year)"
        if let refusal {
            return HTMLPage(title, template: "new-year", view: view, shell: shell, refusal: refusal, logger: context.logger)
        }
        return HTMLPage(title, template: "new-year", view: view, shell: shell, status: status, error: error)
    }

    static func levelName(_ level: String) -> String {
        switch level {
        case "unit": "Cấp cơ sở"
        case "commune": "Cấp xã"
        case "district": "Cấp huyện"
        case "province": "Cấp tỉnh"
        default: level
        }
    }

    /// The plan the form sent, or the first field that cannot be read.
    static func plan(from form: WebForm) throws -> YearPlan {
        func number(_ name: String, _ label: String) throws -> Int? {
            guard let text = form.text(name) else { return nil }
            guard let value = Int(text) else {
                throw ThiduaError.invalid(field: name, vietnamese: "\(label) phải là một số nguyên.", english: "\(name) must be a whole number.")
            }
            return value
        }
        guard let year = try number("year", "Năm") else {
            throw ThiduaError.invalid(field: "year", vietnamese: "Phải chọn năm.", english: "The year is required.")
        }
        var rounds: [YearPlan.Round] = []
        for index in 0..<min(try number("rounds", "Số đợt") ?? 0, 20) {
            let prefix = "r\(index)"
            guard let opens = form.value("\(prefix).opens").flatMap(VietnameseTime.parseMoment),
                  let due = form.value("\(prefix).due").flatMap(VietnameseTime.parseMoment) else {
                throw ThiduaError.invalid(field: "\(prefix).due", vietnamese: "Ngày mở và hạn nộp của đợt thứ \(index + 1) không hợp lệ.",
                                          english: "The opening or due time of round \(index + 1) is not valid.")
            }
            var limits: [YearPlan.Limit] = []
            for kind in submittingKinds {
                guard let maximum = try number("\(prefix).\(kind.rawValue).max", "Số tối đa") else { continue }
                limits.append(YearPlan.Limit(unitKind: kind, minimum: try number("\(prefix).\(kind.rawValue).min", "Số tối thiểu") ?? 0, maximum: maximum))
            }
            rounds.append(YearPlan.Round(
                code: form.text("\(prefix).code") ?? "", name: form.text("\(prefix).name") ?? "", level: form.text("\(prefix).level") ?? "",
                opensAt: opens, dueAt: due, planCitation: form.text("\(prefix).citation"),
                requiredDossierKinds: (form.value("\(prefix).kinds") ?? "").split(separator: ",").compactMap { DossierKind(rawValue: String($0)) },
                councilRuleID: form.text("\(prefix).rule").flatMap(UUID.init(uuidString:)), limits: limits))
        }
        var minimums: [YearPlan.Minimum] = []
        for index in 0..<min(try number("minimums", "Số chỉ tiêu") ?? 0, 500) {
            let prefix = "m\(index)"
            // An emptied or zero minimum leaves the movement without one in that round.
            guard let minimum = try number("\(prefix).min", "Số tối thiểu"), minimum > 0 else { continue }
            guard let round = try number("\(prefix).round", "Đợt"), rounds.indices.contains(round),
                  let movement = form.text("\(prefix).movement").flatMap(UUID.init(uuidString:)) else { throw APIError.badParameter(prefix) }
            minimums.append(YearPlan.Minimum(
                roundCode: rounds[round].code, movementID: movement, nomineeKind: form.text("\(prefix).kind") ?? "",
                minimum: minimum, maximum: try number("\(prefix).max", "Số tối đa"), perLeadUnit: form.value("\(prefix).per") == "1"))
        }
        return YearPlan(year: year, copiedFrom: try number("copied_from", "Năm sao chép"), rounds: rounds, minimums: minimums)
    }
}
