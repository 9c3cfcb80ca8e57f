import Foundation
import ThiduaCore

/// What the nomination page shows, worked out from the record, the policy and the audit trail; the template
/// only lays it out.
struct NominationRecordView {
    struct Fact { var label: String; var value: String }
    struct Step { var event: String; var label: String; var needsReason: Bool; var fieldID: String }
    struct Change { var label: String; var before: String; var after: String }
    struct DossierLine { var kind: String; var required: Bool; var present: Bool; var files: [File] }
    struct File { var name: String; var href: String; var size: String; var when: String }
    struct CriterionLine { var code: String; var text: String; var met: Bool; var evidence: String }
    struct IndicatorLine { var name: String; var values: String }
    struct Event { var when: String; var who: String; var unit: String; var what: String; var why: String? }

    var id: String
    var csrf: String
    var version: Int
    var nominee: String
    var state: String
    var stateClass: String
    var facts: [Fact]
    var title: String
    var achievements: String
    var returnReason: String?
    var returnedBy: String
    var changes: [Change]
    var hasChanges: Bool
    var steps: [Step]
    var hasSteps: Bool
    var ownUnitWarning: Bool
    var dossier: [DossierLine]
    var missing: [String]
    var hasMissing: Bool
    var canUpload: Bool
    var uploadKinds: [Option]
    var criteria: [CriterionLine]
    var indicators: [IndicatorLine]
    var hasIndicators: Bool
    var findings: [String]
    var hasFindings: Bool
    var timeline: [Event]

    static func stepLabel(_ event: NominationEvent) -> String {
        switch event {
        case .submit: "Gửi hồ sơ"
        case .withdraw: "Rút hồ sơ"
        case .endorse: "Xác nhận, chuyển Cơ quan Thường trực"
        case .returnByLeadUnit, .returnBySecretariat: "Trả lại đơn vị để bổ sung"
        case .verify: "Thẩm định đạt"
        case .edit, .putBeforeCouncil, .approveInCouncil, .rejectInCouncil, .carryOver, .decide:
            preconditionFailure("\(event) is not a step a page offers (Policy.availableEvents leaves it out)")
        }
    }

    init(
        nomination: Nomination, actor: Actor, csrf: String, names: CatalogueNames, attachments: [Attachment],
        history: [AuditEvent], changes: NominationChanges?, people: [UUID: PersonName]
    ) {
        let movement = names.movements[nomination.movementID]
        let round = names.rounds[nomination.roundID]
        id = nomination.id.uuidString.lowercased()
        self.csrf = csrf
        version = nomination.version
        nominee = nomination.nomineeName
        state = nomination.state.vietnamese
        stateClass = "state-\(nomination.state.rawValue)"
        title = nomination.title
        achievements = nomination.achievements
        facts = [
            Fact(label: "Loại đối tượng", value: nomination.nomineeKind.vietnamese),
            Fact(label: "Phong trào", value: names.movementName(nomination.movementID)),
            Fact(label: "Đơn vị đề nghị", value: names.unitName(nomination.unitID)),
            Fact(label: "Đợt", value: names.roundName(nomination.roundID)),
            Fact(label: "Người lập", value: people[nomination.createdBy]?.fullName ?? "—"),
            Fact(label: "Lập lúc", value: VietnameseTime.moment(nomination.createdAt)),
        ] + (nomination.submittedAt.map { [Fact(label: "Gửi lúc", value: VietnameseTime.moment($0))] } ?? [])
          + (nomination.returnCount > 0 ? [Fact(label: "Số lần bị trả lại", value: String(nomination.returnCount))] : [])
        let lastReturn = nomination.state == .returned ? changes?.lastReturn : nil
        returnReason = lastReturn?.reason
        returnedBy = lastReturn.map { event in
            "\(people[event.actorID]?.fullName ?? "—") (\(people[event.actorID]?.unitName ?? "")), \(VietnameseTime.moment(event.occurredAt))"
        } ?? ""
        self.changes = (nomination.state == .returned ? changes?.fields ?? [] : []).map { change in
            Change(label: Self.fieldLabel(change.field, movement: movement),
                   before: Self.readable(change.returned), after: Self.readable(change.current))
        }
        hasChanges = !self.changes.isEmpty
        let available = Policy.availableEvents(for: actor, on: nomination)
        steps = available.map { event in
            Step(event: event.rawValue, label: Self.stepLabel(event), needsReason: event.needsReason, fieldID: "ly-do-\(event.rawValue)")
        }
        hasSteps = !steps.isEmpty
        ownUnitWarning = available.contains(.verify) && nomination.unitID == actor.unitID
        let required = Set(round?.requiredDossierKinds ?? [])
        dossier = DossierKind.allCases.compactMap { kind in
            let files = attachments.filter { $0.kind == kind }.map { attachment in
                File(name: attachment.fileName, href: "/tai-lieu/\(attachment.id.uuidString.lowercased())",
                     size: "\(max(1, attachment.byteSize / 1024)) KB", when: VietnameseTime.moment(attachment.uploadedAt))
            }
            guard required.contains(kind) || !files.isEmpty else { return nil }
            return DossierLine(kind: kind.vietnamese, required: required.contains(kind), present: !files.isEmpty, files: files)
        }
        missing = dossier.filter { $0.required && !$0.present }.map(\.kind)
        hasMissing = !missing.isEmpty
        canUpload = Policy.mayEdit(actor, nomination)
        uploadKinds = DossierKind.allCases.map { Option(value: $0.rawValue, label: $0.vietnamese, selected: false) }
        criteria = (movement?.criteria ?? []).map { criterion in
            let answer = nomination.criteriaAnswers[criterion.code]
            return CriterionLine(code: criterion.code, text: criterion.text, met: answer?.met ?? false, evidence: answer?.evidence ?? "")
        }
        indicators = (movement?.indicators ?? []).compactMap { indicator in
            guard let figures = nomination.indicators[indicator.code], !figures.isEmpty else { return nil }
            let values = figures.sorted { $0.key < $1.key }
                .map { "\($0.key == "total" ? "Tổng" : "Năm \($0.key)"): \(VietnameseNumber.text($0.value)) \(indicator.unit)" }
            return IndicatorLine(name: indicator.name, values: values.joined(separator: "; "))
        }
        hasIndicators = !indicators.isEmpty
        findings = movement.map { IndicatorRule.findings(for: nomination.indicators, in: $0).map(\.vietnamese) } ?? []
        hasFindings = !findings.isEmpty
        let events: [(Date, Event)] = history.map { event in
            (event.occurredAt, Event(when: VietnameseTime.moment(event.occurredAt), who: people[event.actorID]?.fullName ?? "—",
                                     unit: people[event.actorID]?.unitName ?? "", what: AuditWords.action(event.action), why: event.reason))
        } + attachments.map { attachment in
            (attachment.uploadedAt, Event(
                when: VietnameseTime.moment(attachment.uploadedAt), who: people[attachment.uploadedBy]?.fullName ?? "—",
                unit: people[attachment.uploadedBy]?.unitName ?? "",
                what: "Tải lên \(attachment.kind.vietnamese.lowercased()): \(attachment.fileName)", why: nil))
        }
        timeline = events.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A changed field's label as the form names it, never its column name.
    static func fieldLabel(_ field: String, movement: Movement?) -> String {
        switch field {
        case "nominee_name": return "Tên người, tập thể được đề nghị"
        case "title": return "Tên mô hình, điển hình"
        case "achievements": return "Tóm tắt thành tích"
        default:
            if field.hasPrefix("criteria_answers.") {
                let code = String(field.dropFirst("criteria_answers.".count))
                return "Tiêu chí \(code)" + (movement?.criteria.first { $0.code == code }.map { ": \($0.text)" } ?? "")
            }
            if field.hasPrefix("indicators.") {
                let code = String(field.dropFirst("indicators.".count))
                return "Chỉ số: " + (movement?.indicators.first { $0.code == code }?.name ?? code)
            }
            return "Nội dung khác"
        }
    }

    /// A changed value (JSON) as words: a criterion's answer as met or not with its evidence, figures by year.
    static func readable(_ json: String?) -> String {
        guard let json, let data = json.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return "(trống)" }
        switch value {
        case let text as String: return text.isEmpty ? "(trống)" : text
        case let object as [String: Any]:
            if let met = object["met"] as? Bool {
                let evidence = (object["evidence"] as? String).flatMap { $0.isEmpty ? nil : $0 }
                return (met ? "Đạt" : "Chưa đạt") + (evidence.map { " — \($0)" } ?? "")
            }
            return object.keys.sorted().map { "\($0 == "total" ? "Tổng" : "Năm \($0)"): \(object[$0].map { "\($0)" } ?? "")" }
                .joined(separator: "; ")
        default: return "\(value)"
        }
    }
}
