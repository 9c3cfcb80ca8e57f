import Foundation
import Hummingbird
import ThiduaCore

/// `/quyet-dinh/moi`: the secretariat drafts a commendation decision from the nominations the council approved —
/// the register chosen by its name, the subject, the legal bases one per line, the day, and for each nominee
/// the form of commendation among those the register's issuer may confer.
struct DecisionDraftPage: Sendable {
    let store: RecordStore

    private struct Candidate {
        var id: String
        var fieldID: String
        var formField: String
        var nominee: String
        var kind: String
        var unit: String
        var movement: String
        var checked: Bool
        var forms: [Option]
    }

    private struct View {
        var csrf: String
        var series: [Option]
        var subject: String
        var bases: String
        var day: String
        var candidates: [Candidate]
        var hasCandidates: Bool
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/quyet-dinh/moi") { _, context in try await form(context) }
        pages.post("/quyet-dinh/moi") { _, context in
            let form = context.form
            do {
                guard let series = form.value("so").flatMap(UUID.init(uuidString:)) else { throw APIError.badParameter("so") }
                guard let day = form.value("ngay").flatMap(VietnameseTime.parseDay) else {
                    throw ThiduaError.invalid(field: "ngay", vietnamese: "Ngày ban hành không hợp lệ.", english: "The date is not valid.")
                }
                let items = form.values("ho-so").compactMap(UUID.init(uuidString:)).map { id in
                    DecisionItemDraft(nominationID: id, form: form.value("hinh-thuc-\(id.uuidString.lowercased())") ?? "")
                }
                let typed = (form.text("bases") ?? "").split(whereSeparator: \.isNewline).map(String.init)
                let bases = typed.isEmpty ? try await usualBases(on: day, for: items.map(\.nominationID), as: context.actor) : typed
                let decision = try await DecisionRepository(store: store).draft(
                    DecisionDraft(seriesID: series, decidedOn: day, subject: form.text("subject") ?? "", legalBases: bases, items: items),
                    by: context.actor)
                return HTMLPage.redirect(to: "/quyet-dinh/\(decision.id.uuidString.lowercased())?ok=du-thao")
            } catch {
                return try await self.form(context, error: error).response()
            }
        }
    }

    private func form(_ context: SignedInContext, error: (any Error)? = nil) async throws -> HTMLPage {
        let actor = context.actor
        do { try Policy.authorize(actor, DecisionAction.prepare) } catch { throw ThiduaError.denied(error) }
        let posted = context.form
        let registers = try await DecisionRepository(store: store).series(as: actor).filter { $0.documentKind == .decision }
        let book = try await LegalRules(store: store).book(as: actor)
        let today = VietnameseTime.today()
        let levels = Set(registers.map(\.issuerLevel))
        // Forms the registers' issuers confer at some time: whether on the decision's day is the repository's to say.
        let conferrable = Set(book.authorities.filter { levels.contains($0.level) }.map(\.formCode))
        let forms = book.forms.filter { conferrable.contains($0.code) }
        let names = try await CatalogueNames.load(store, as: actor)
        let approved = try await NominationRepository(store: store).list(NominationFilter(states: [.approved], limit: 1000), as: actor)
        let chosen = error == nil ? nil : Set(posted.values("ho-so"))
        let candidates = approved.map { nomination in
            let id = nomination.id.uuidString.lowercased()
            let fitting = forms.filter { $0.nomineeKinds.contains(nomination.nomineeKind) }
            let picked = posted.value("hinh-thuc-\(id)") ?? Self.usualForm(for: nomination.nomineeKind, among: fitting)
            return Candidate(
                id: id, fieldID: "ho-so-\(id)", formField: "hinh-thuc-\(id)", nominee: nomination.nomineeName,
                kind: nomination.nomineeKind.vietnamese, unit: names.unitName(nomination.unitID),
                movement: names.movementName(nomination.movementID), checked: chosen?.contains(id) ?? true,
                forms: fitting.map { Option(value: $0.code, label: $0.name, selected: $0.code == picked) })
        }
        let chosenSeries = posted.value("so")
        let view = View(
            csrf: context.csrfToken,
            series: registers.enumerated().map { index, register in
                let value = register.id.uuidString.lowercased()
                return Option(value: value, label: "\(register.issuingBody) (số …/\(register.suffix))",
                              selected: chosenSeries.map { $0 == value } ?? (index == 0))
            },
            subject: posted.text("subject") ?? "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua",
            bases: posted.text("bases") ?? "",
            day: posted.value("ngay") ?? VietnameseTime.isoDay(today),
            candidates: candidates, hasCandidates: !candidates.isEmpty)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/quyet-dinh")
        return HTMLPage("Dự thảo quyết định khen thưởng", template: "decision-draft", view: view, shell: shell,
                        refusal: error, logger: context.logger)
    }

    /// Left empty, the bases are the law and decrees in force on the decision's day and the plans of the
    /// chosen nominations' rounds, from the database, so a 2021 decision cites the law of 2021.
    private func usualBases(on day: Date, for nominations: [UUID], as actor: Actor) async throws -> [String] {
        let chosen = Set(nominations)
        let rounds = try await NominationRepository(store: store).list(NominationFilter(states: [.approved], limit: 1000), as: actor)
            .filter { chosen.contains($0.id) }.map(\.roundID)
        let plans = try await RoundRepository(store: store).list(as: actor)
            .filter { rounds.contains($0.id) }.compactMap(\.planCitation)
        return try await LegalRules(store: store).decisionBases(on: day, plans: plans, as: actor)
    }

    /// The district's usual form: a village or residential group is named "Thôn, tổ dân phố văn hóa"; everyone
    /// else receives the chairman's Giấy khen; otherwise the first the issuer may confer.
    static func usualForm(for kind: NomineeKind, among forms: [CommendationForm]) -> String? {
        let usual = kind == .locality ? "thon-to-dan-pho-van-hoa" : "giay-khen-chu-tich-huyen"
        return forms.contains { $0.code == usual } ? usual : forms.first?.code
    }
}
