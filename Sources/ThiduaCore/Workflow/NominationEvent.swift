/// What can happen to a nomination, up to the council's outcome (DESIGN.md §5).
public enum NominationEvent: String, Sendable, Hashable, CaseIterable, Codable {
    case edit
    case submit
    case withdraw
    case endorse
    case returnByLeadUnit = "return_by_lead_unit"
    case verify
    case returnBySecretariat = "return_by_secretariat"
    /// The secretariat opens a council session over it (``CouncilRepository/open(round:title:nominations:rule:excused:by:)``).
    case putBeforeCouncil = "put_before_council"
    /// Its session closed and the council's rule approved it.
    case approveInCouncil = "approve_in_council"
    /// Its session closed and the council's rule did not approve it.
    case rejectInCouncil = "reject_in_council"
    /// Its session closed without a quorum on it: verified again, for another session.
    case carryOver = "carry_over"
    /// The chairman signed a decision or proposal that carries it (``DecisionRepository/sign(_:version:by:)``).
    case decide

    /// The action's name in the audit trail.
    public var auditAction: String {
        switch self {
        case .edit: "nomination.edit"
        case .submit: "nomination.submit"
        case .withdraw: "nomination.withdraw"
        case .endorse: "nomination.endorse"
        case .returnByLeadUnit: "nomination.return_by_lead_unit"
        case .verify: "nomination.verify"
        case .returnBySecretariat: "nomination.return_by_secretariat"
        case .putBeforeCouncil: "nomination.put_before_council"
        case .approveInCouncil: "nomination.approve_in_council"
        case .rejectInCouncil: "nomination.reject_in_council"
        case .carryOver: "nomination.carry_over"
        case .decide: "nomination.decide"
        }
    }

    /// Taken only by opening or closing a council session (``CouncilRepository``), never on its own.
    public var isCouncilStep: Bool {
        switch self {
        case .putBeforeCouncil, .approveInCouncil, .rejectInCouncil, .carryOver: true
        default: false
        }
    }

    /// Taken only by signing a decision (``DecisionRepository``), never on its own.
    public var isDecisionStep: Bool { self == .decide }

    /// A return must say why.
    public var needsReason: Bool { self == .returnByLeadUnit || self == .returnBySecretariat }
}
