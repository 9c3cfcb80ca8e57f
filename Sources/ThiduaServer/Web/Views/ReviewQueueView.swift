import Foundation
import ThiduaCore

/// One review queue as its page shows it: oldest submission first, each nomination with what a reviewer checks
/// before opening it — the documents its round requires and it still lacks, what the indicators rule found, a
/// late submission, the secretariat's own unit — and the steps the policy offers this user on it now.
struct ReviewQueueView {
    struct Row {
        var id: String
        var href: String
        var version: Int
        var nominee: String
        var kind: String
        var unit: String
        var movement: String
        var round: String
        var submitted: String
        var late: Bool
        var missing: [String]
        var hasMissing: Bool
        var findings: [String]
        var hasFindings: Bool
        var ownUnit: Bool
        var steps: [NominationRecordView.Step]
        var hasSteps: Bool
    }

    var id: String
    var title: String
    /// What a row this user cannot act on waits for.
    var waitsFor: String
    var rows: [Row]
    var empty: Bool
    var count: Int

    init(
        _ queue: ReviewQueue, nominations: [Nomination], actor: Actor, names: CatalogueNames,
        documents: [UUID: Set<DossierKind>]
    ) {
        id = "hang-doi-\(queue.rawValue)"
        title = queue.vietnamese
        waitsFor = switch queue {
        case .leadUnit: "Thủ trưởng đơn vị chủ trì xác nhận hoặc trả lại hồ sơ này."
        case .secretariat: "Một người khác của Cơ quan Thường trực thẩm định hồ sơ này."
        }
        let waiting = nominations.filter { Policy.isWaiting($0, in: queue, for: actor) }
            .sorted { ($0.submittedAt ?? $0.createdAt, $0.nomineeName) < ($1.submittedAt ?? $1.createdAt, $1.nomineeName) }
        rows = waiting.map { nomination in
            let round = names.rounds[nomination.roundID]
            let held = documents[nomination.id] ?? []
            let missing = (round?.requiredDossierKinds ?? []).filter { !held.contains($0) }.map(\.vietnamese)
            let findings = names.movements[nomination.movementID]
                .map { IndicatorRule.findings(for: nomination.indicators, in: $0).map(\.vietnamese) } ?? []
            let available = Set(Policy.availableEvents(for: actor, on: nomination))
            let key = nomination.id.uuidString.lowercased()
            let steps = queue.steps.filter(available.contains).map { event in
                NominationRecordView.Step(
                    event: event.rawValue, label: NominationRecordView.stepLabel(event), needsReason: event.needsReason,
                    fieldID: "ly-do-\(event.rawValue)-\(key)")
            }
            return Row(
                id: key, href: "/ho-so/\(key)", version: nomination.version, nominee: nomination.nomineeName,
                kind: nomination.nomineeKind.vietnamese, unit: names.unitName(nomination.unitID),
                movement: names.movementName(nomination.movementID), round: names.roundName(nomination.roundID),
                submitted: nomination.submittedAt.map(VietnameseTime.moment) ?? "—",
                late: nomination.submittedAt.flatMap { submitted in round.map { submitted > $0.dueAt } } ?? false,
                missing: missing, hasMissing: !missing.isEmpty, findings: findings, hasFindings: !findings.isEmpty,
                ownUnit: queue == .secretariat && nomination.unitID == actor.unitID,
                steps: steps, hasSteps: !steps.isEmpty)
        }
        empty = rows.isEmpty
        count = rows.count
    }
}
