import Foundation
import ThiduaCore

/// One audit event as an auditor reads it on a page: when in Vietnam time, who in which role and unit, what in
/// words, on which record (by its name, never its key), the content it changed, and links to the nomination's
/// timeline and to the nomination as that event left it.
struct AuditEventLine {
    var number: String
    var when: String
    var who: String
    var role: String
    var unit: String?
    var what: String
    var record: String
    var details: [String]
    var why: String?
    /// The timeline of the nomination the event belongs to, when it belongs to one.
    var timelineHref: String?
    /// The nomination right after this event of its own (`?sau=`), for its own events only.
    var afterHref: String?
    var seq: Int
}

/// Turns events into ``AuditEventLine``s with the names a page has loaded: people, units, commendation forms.
struct AuditEventReader {
    var people: [UUID: PersonName]
    var names: CatalogueNames
    var forms: [String: String]

    /// The nil actor of the installer (0005), who loads the catalogue before any user exists.
    static let installer = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    /// Everyone an event names: its actor and the delegator it acted for.
    static func people(in events: [AuditEvent]) -> Set<UUID> {
        Set(events.flatMap { [$0.actorID] + ($0.onBehalfOf.map { [$0] } ?? []) })
    }

    func line(_ event: AuditEvent) -> AuditEventLine {
        let after = Self.object(event.after), before = Self.object(event.before)
        let row = after ?? before ?? [:]
        let nomination: String? = event.recordType == "nominations" ? event.recordID : row["nomination_id"] as? String
        var who = event.actorID == Self.installer ? "Hệ thống (người cài đặt)" : people[event.actorID]?.fullName ?? "Người dùng không còn trong danh bạ"
        if let delegator = event.onBehalfOf { who += " (thay mặt \(people[delegator]?.fullName ?? "người ủy quyền"))" }
        let unit = event.actorUnitID.map(names.unitName) ?? people[event.actorID]?.unitName
        return AuditEventLine(
            number: "#\(event.id)", when: VietnameseTime.moment(event.occurredAt), who: who,
            role: Role(rawValue: event.actorRole)?.vietnamese ?? (event.actorRole == "installer" ? "Người cài đặt" : "Vai trò khác"),
            unit: unit, what: AuditWords.action(event.action), record: record(event.recordType, row),
            details: details(event.recordType, before: before, after: after), why: event.reason,
            timelineHref: nomination.map { "/kiem-tra/ho-so/\($0)" },
            afterHref: event.recordType == "nominations" && after != nil ? "/kiem-tra/ho-so/\(event.recordID)?sau=\(event.id)#thoi-diem" : nil,
            seq: event.seq)
    }

    /// The record's kind and, where its row has one, its name.
    func record(_ type: String, _ row: [String: Any]) -> String {
        let kind = AuditWords.recordType(type)
        let name = ["nominee_name", "name", "full_name", "file_name", "title", "reference", "subject", "username"]
            .lazy.compactMap { row[$0] as? String }.first { !$0.isEmpty }
        return name.map { "\(kind): \($0)" } ?? kind
    }

    /// What the event changed, in words: a vote's choice (a secret ballot's is in no row, 0009), a document,
    /// a decision item's form, a nomination's fields and state.
    func details(_ type: String, before: [String: Any]?, after: [String: Any]?) -> [String] {
        let row = after ?? before ?? [:]
        switch type {
        case "council_votes":
            let choice = (row["choice"] as? String).map(Self.choice) ?? "Phiếu kín: lựa chọn không được ghi vào nhật ký"
            return [choice] + ((row["comment"] as? String).map { ["Ý kiến: \($0)"] } ?? [])
        case "council_recusals":
            return (row["reason"] as? String).map { ["Lý do: \($0)"] } ?? []
        case "nomination_attachments":
            let kind = (row["dossier_kind"] as? String).flatMap(DossierKind.init(rawValue:))?.vietnamese
            return [kind.map { "Loại tài liệu: \($0)" }, (row["byte_size"] as? Int).map { "Dung lượng: \(max(1, $0 / 1024)) KB" }].compactMap { $0 }
        case "decision_items", "commendation_records":
            var lines: [String] = []
            if let form = row["form_code"] as? String { lines.append("Hình thức: \(forms[form] ?? form)") }
            if let amount = row["amount"] as? Int { lines.append("Tiền thưởng: \(VietnameseNumber.text(Decimal(amount))) đồng") }
            if after?["removed_at"] is String, before?["removed_at"] != nil { lines.append("Đã rút khỏi dự thảo quyết định") }
            if let answer = row["answer"] as? String { lines.append(answer == "granted" ? "Cấp trên đồng ý" : "Cấp trên không đồng ý") }
            if after?["revoked_at"] is String { lines.append("Đã bị thu hồi") }
            return lines
        case "nominations":
            guard let before else { return after.flatMap { ($0["state"] as? String).flatMap(NominationState.init(rawValue:)) }.map { ["Trạng thái: \($0.vietnamese)"] } ?? [] }
            var lines: [String] = []
            if let old = (before["state"] as? String).flatMap(NominationState.init(rawValue:)),
               let new = (after?["state"] as? String).flatMap(NominationState.init(rawValue:)) {
                lines.append("Trạng thái: \(old.vietnamese) → \(new.vietnamese)")
            }
            let changed = Self.contentFields.filter { before[$0.key] != nil }.map(\.label)
            if !changed.isEmpty { lines.append("Đã sửa: \(changed.joined(separator: "; "))") }
            return lines
        default:
            return []
        }
    }

    /// The content of a nomination a person edits, in the order the form shows it.
    static let contentFields: [(key: String, label: String)] = [
        ("nominee_name", "Tên người, tập thể được đề nghị"), ("title", "Tên mô hình, điển hình"),
        ("achievements", "Tóm tắt thành tích"), ("criteria_answers", "Tiêu chí của phong trào"), ("indicators", "Chỉ số qua các năm"),
    ]

    static func choice(_ raw: String) -> String {
        switch raw {
        case "approve": "Đồng ý"
        case "reject": "Không đồng ý"
        default: "Không biểu quyết"
        }
    }

    static func object(_ json: String?) -> [String: Any]? {
        guard let data = json?.data(using: .utf8) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
