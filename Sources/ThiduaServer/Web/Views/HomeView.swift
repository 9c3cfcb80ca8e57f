import Foundation
import ThiduaCore

/// The home page's sections, one per thing that waits on the user by role: a unit's open rounds with their
/// countdown and quota, its nominations by state and what waits on it (returned ones first, with the reason);
/// a lead unit's endorsements and its movements' minimums; the secretariat's verifications, late units and
/// compliance as bars; a member's open ballots; the chairman's decisions to sign.
struct HomeView {
    struct Link { var href: String; var label: String; var note: String }
    struct RoundLine { var name: String; var due: String; var countdown: String; var overdue: Bool; var quota: String }

    var greeting: String
    var roleNames: String
    var isUnit: Bool
    var rounds: [RoundLine]
    var hasRounds: Bool
    var unitStates: BarChart?
    var unitWaiting: [Link]
    var hasUnitWaiting: Bool
    var isLead: Bool
    var endorsements: [Link]
    var hasEndorsements: Bool
    var leadMinimums: BarChart?
    var isSecretariat: Bool
    var verifications: [Link]
    var hasVerifications: Bool
    var complianceRound: String
    var lateUnits: [String]
    var hasLateUnits: Bool
    var unitCompliance: BarChart?
    var movementCompliance: BarChart?
    var isMember: Bool
    var ballots: [Link]
    var hasBallots: Bool
    var isChairman: Bool
    var signatures: [Link]
    var hasSignatures: Bool
    var nothingWaits: Bool

    /// "Còn 3 ngày 4 giờ" before the due moment; "Đã quá hạn 2 ngày" after it.
    static func countdown(to due: Date, from now: Date) -> (words: String, overdue: Bool) {
        let seconds = Int(due.timeIntervalSince(now))
        let hours = abs(seconds) / 3600
        let days = hours / 24
        let span = days > 0 ? "\(days) ngày" + (hours % 24 > 0 && days < 3 ? " \(hours % 24) giờ" : "") : hours > 0 ? "\(hours) giờ" : "dưới 1 giờ"
        return seconds >= 0 ? ("Còn \(span)", false) : ("Đã quá hạn \(span)", true)
    }

    static func link(_ nomination: Nomination, names: CatalogueNames, note: String) -> Link {
        Link(href: "/ho-so/\(nomination.id.uuidString.lowercased())",
             label: "\(nomination.nomineeName) — \(names.unitName(nomination.unitID))", note: note)
    }

    /// The unit's nominations by state, in the workflow's order, states it has none in left out.
    static func statesChart(_ nominations: [Nomination]) -> BarChart? {
        guard !nominations.isEmpty else { return nil }
        let rows = NominationState.allCases.compactMap { state -> BarChart.Row? in
            let count = nominations.filter { $0.state == state }.count
            return count == 0 ? nil : BarChart.Row(label: state.vietnamese, value: count, target: nil, figure: "\(count) hồ sơ", judged: false)
        }
        return BarChart(title: "Hồ sơ của đơn vị theo trạng thái", id: "bieu-do-trang-thai", rows: rows)
    }

    static func unitsChart(_ compliance: Compliance) -> BarChart? {
        guard !compliance.units.isEmpty else { return nil }
        return BarChart(
            title: "Số hồ sơ đã gửi của từng đơn vị so với số tối thiểu (vạch đen)", id: "bieu-do-don-vi",
            rows: compliance.units.map { unit in
                BarChart.Row(label: unit.unitName, value: unit.counts.submitted, target: unit.minimum,
                             figure: "đã gửi \(unit.counts.submitted), tối thiểu \(unit.minimum), tối đa \(unit.maximum)")
            })
    }

    static func movementsChart(_ movements: [MovementCompliance], id: String, title: String) -> BarChart? {
        guard !movements.isEmpty else { return nil }
        return BarChart(title: title, id: id, rows: movements.map { movement in
            let kind = (movement.nomineeKind.map { " (\($0.vietnamese.lowercased()))" } ?? "") + (movement.leadUnitName.map { " — \($0)" } ?? "")
            return BarChart.Row(label: movement.movementName + kind, value: movement.counts.submitted, target: movement.required,
                                figure: "\(movement.counts.submitted)/\(movement.required)" + (movement.shortfall == 0 ? ", đạt" : ", còn thiếu \(movement.shortfall)")
                                    + (movement.excess > 0 ? ", vượt tối đa \(movement.excess)" : ""))
        })
    }
}
