import Foundation
import Hummingbird
import ThiduaCore

/// `/kiem-tra/ho-so/{id}`: one nomination for the auditors — its whole timeline (its own changes, its nominee,
/// its documents, the council's items, recusals and votes without a secret ballot's choices, its public
/// notices, the decision items and commendation records); its content as it was at a chosen moment in
/// Vietnam's time (`?luc=`) or right after one of its events (`?sau=`); and with `?in=1` the audit extract of
/// the record, to print. A nomination the reader may not see is 404, as everywhere.
struct AuditTimelinePage: Sendable {
    let store: RecordStore

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/kiem-tra/ho-so/:id") { request, context in try await page(try context.uuid("id"), request, context) }
    }

    private func page(_ id: UUID, _ request: Request, _ context: SignedInContext) async throws -> HTMLPage {
        let actor = context.actor
        let trail = AuditTrail(store: store)
        let events = try await trail.timeline(ofNomination: id, as: actor)
        let nomination = try await NominationRepository(store: store).get(id, as: actor)
        let names = try await CatalogueNames.load(store, as: actor)
        let forms = try await LegalRules(store: store).forms(as: actor)
        let users = UserRepository(store: store)
        let people = try await users.names(of: AuditEventReader.people(in: events).union([actor.userID]), as: actor)
        let reader = AuditEventReader(people: people, names: names, forms: Dictionary(forms.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first }))
        // Read as a form is (the moment comes from this page's GET form).
        let query = WebForm.urlEncoded(request.uri.query ?? "")
        let printing = query.value("in") == "1"
        let shell = try await PageShell.load(context, users: users, path: "/kiem-tra")
        var view = AuditTimelineView(
            id: id.uuidString.lowercased(), nominee: nomination.nomineeName, state: nomination.state.vietnamese,
            stateClass: "state-\(nomination.state.rawValue)", facts: AuditTimelineView.facts(of: nomination, names: names),
            events: events.map(reader.line), count: events.count, moment: AuditTimelineView.localMoment(Date()),
            snapshot: nil, snapshotMissing: nil, printHref: "/kiem-tra/ho-so/\(id.uuidString.lowercased())?in=1",
            areaName: shell.areaName, printedAt: VietnameseTime.moment(Date()),
            printedBy: "\(people[actor.userID]?.fullName ?? shell.fullName), \(shell.unitName)")
        do {
            if let text = query.text("luc") {
                guard let moment = VietnameseTime.parseMoment(text) else {
                    throw ThiduaError.invalid(field: "luc", vietnamese: "Thời điểm “\(text)” không hợp lệ (cần ngày và giờ).",
                                              english: "The moment “\(text)” is not valid (a day and a time are expected).")
                }
                view.moment = text
                // The chosen minute (or second, when the moment has one) as a whole: an event the timeline shows at
                // 16 giờ 30 is in the record as of 16:30.
                let seconds = text.wholeMatch(of: /.*T\d{2}:\d{2}:(\d{2})/).flatMap { Int($0.1) }
                let end = moment.addingTimeInterval(seconds.map { Double($0) + 0.999_999 } ?? 59.999_999)
                let found = try await trail.nomination(id, asOf: end, as: actor)
                view.snapshot = found.map { AuditTimelineView.snapshot($0, heading: "Nội dung hồ sơ lúc \(VietnameseTime.moment(moment))", names: names) }
                view.snapshotMissing = found == nil ? "Lúc \(VietnameseTime.moment(moment)) hồ sơ này chưa được lập." : nil
            } else if let text = query.text("sau") {
                guard let eventID = Int64(text), let event = events.first(where: { $0.id == eventID && $0.recordType == "nominations" }) else {
                    throw APIError.badParameter("sau")
                }
                let found = try await trail.nomination(id, afterEvent: eventID, as: actor)
                view.moment = AuditTimelineView.localMoment(event.occurredAt)
                view.snapshot = found.map {
                    AuditTimelineView.snapshot($0, heading: "Nội dung hồ sơ ngay sau sự kiện #\(eventID) (\(AuditWords.action(event.action)), \(VietnameseTime.moment(event.occurredAt)))", names: names)
                }
            }
        } catch {
            return HTMLPage(nomination.nomineeName, template: "audit-timeline", view: view, shell: shell, refusal: error, logger: context.logger)
        }
        if printing {
            return HTMLPage("Trích lục nhật ký: \(nomination.nomineeName)", template: "audit-extract", view: view, shell: shell)
        }
        return HTMLPage("Diễn biến hồ sơ: \(nomination.nomineeName)", template: "audit-timeline", view: view, shell: shell)
    }
}
