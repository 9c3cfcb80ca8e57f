import Foundation
import Hummingbird
import ThiduaCore

/// `/kiem-tra`: the auditors' search of the trail — by nomination (its nominee's name), by user (full name or
/// username), by unit (name or code) and by period (Vietnam days), with or without diacritics; newest first, a
/// page at a time, each event in words with who, their unit, when, and a link to its nomination's timeline.
/// With nothing asked it lists the area's latest events. For whoever the policy lets search the trail.
struct AuditSearchPage: Sendable {
    static let pageSize = 50

    let store: RecordStore

    private struct Match { var label: String; var href: String? }

    private struct View {
        var record: String
        var user: String
        var unit: String
        var from: String
        var to: String
        var asked: Bool
        var matches: [Match]
        var hasMatches: Bool
        var unmatched: [String]
        var events: [AuditEventLine]
        var empty: Bool
        var newest: String?
        var older: String?
        var mayVerify: Bool
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/kiem-tra") { request, context in try await search(request, context) }
    }

    private func search(_ request: Request, _ context: SignedInContext) async throws -> HTMLPage {
        // Read as a form is: a browser's GET form writes a space as "+", which the URI's own parameters keep.
        let query = WebForm.urlEncoded(request.uri.query ?? "")
        func given(_ name: String) -> String? { query.text(name) }
        let actor = context.actor
        do {
            try Policy.authorize(actor, CatalogueAction.searchAuditTrail)
        } catch {
            throw ThiduaError.denied(error)
        }
        var view = View(
            record: given("ho-so") ?? "", user: given("nguoi") ?? "", unit: given("don-vi") ?? "", from: given("tu") ?? "",
            to: given("den") ?? "", asked: false, matches: [], hasMatches: false, unmatched: [], events: [], empty: true, newest: nil, older: nil,
            mayVerify: (try? Policy.authorize(actor, CatalogueAction.verifyAuditChain)) != nil)
        view.asked = [view.record, view.user, view.unit, view.from, view.to].contains { !$0.isEmpty }
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: request.uri.path)
        do {
            let from = try given("tu").map { try Self.dayStart($0, field: "tu") }
            let to = try given("den").map { try Self.dayStart($0, field: "den").addingTimeInterval(86_400) }
            if let from, let to, from >= to {
                throw ThiduaError.invalid(field: "den", vietnamese: "Ngày kết thúc phải từ ngày bắt đầu trở đi.",
                                          english: "The end day must not be before the start day.")
            }
            let before = try given("truoc").map { text in
                guard let id = Int64(text), id > 0 else { throw APIError.badParameter("truoc") }
                return id
            }
            let result = try await AuditTrail(store: store).search(AuditSearch(
                record: given("ho-so"), user: given("nguoi"), unit: given("don-vi"), from: from, to: to, before: before,
                limit: Self.pageSize), as: actor)
            let names = try await CatalogueNames.load(store, as: actor)
            let people = try await UserRepository(store: store).names(of: AuditEventReader.people(in: result.events), as: actor)
            let reader = AuditEventReader(people: people, names: names, forms: [:])
            view.events = result.events.map(reader.line)
            view.empty = view.events.isEmpty
            view.matches = (result.nominations ?? []).map { Match(label: "Hồ sơ: \($0.name) (\($0.detail))", href: "/kiem-tra/ho-so/\($0.id.uuidString.lowercased())") }
                + (result.users ?? []).map { Match(label: "Người dùng: \($0.name) (\($0.detail))", href: nil) }
                + (result.units ?? []).map { Match(label: "Đơn vị: \($0.name)", href: nil) }
            view.hasMatches = !view.matches.isEmpty
            view.unmatched = [
                result.nominations?.isEmpty == true ? "Không có hồ sơ nào mang tên khớp “\(view.record)”." : nil,
                result.users?.isEmpty == true ? "Không có người dùng nào có họ tên hoặc tên đăng nhập khớp “\(view.user)”." : nil,
                result.units?.isEmpty == true ? "Không có đơn vị nào có tên hoặc mã khớp “\(view.unit)”." : nil,
            ].compactMap { $0 }
            let kept = [("ho-so", view.record), ("nguoi", view.user), ("don-vi", view.unit), ("tu", view.from), ("den", view.to)]
                .filter { !$0.1.isEmpty }
            func link(_ parts: [(String, String)]) -> String {
                "/kiem-tra" + (parts.isEmpty ? "" : "?" + parts.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
            }
            view.older = result.nextBefore.map { link(kept + [("truoc", String($0))]) + "#ket-qua" }
            view.newest = before == nil ? nil : link(kept) + "#ket-qua"
            return HTMLPage("Kiểm tra nhật ký", template: "audit-search", view: view, shell: shell)
        } catch {
            return HTMLPage("Kiểm tra nhật ký", template: "audit-search", view: view, shell: shell, refusal: error, logger: context.logger)
        }
    }

    /// The start, in Vietnam, of the day an `<input type="date">` sent.
    static func dayStart(_ text: String, field: String) throws -> Date {
        guard VietnameseTime.parseDay(text) != nil, let start = VietnameseTime.parseMoment("\(text)T00:00") else {
            throw ThiduaError.invalid(field: field, vietnamese: "Ngày “\(text)” không hợp lệ (cần dạng năm-tháng-ngày).",
                                      english: "The day “\(text)” is not valid (year-month-day expected).")
        }
        return start
    }
}
