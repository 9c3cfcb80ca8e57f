/// What can happen to a nomination before council review (DESIGN.md §5).
public enum NominationEvent: String, Sendable, Hashable, CaseIterable, Codable {
    case edit
    case submit
    case withdraw
    case endorse
    case returnByLeadUnit = "return_by_lead_unit"
    case verify
    case returnBySecretariat = "return_by_secretariat"

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
        }
    }

    /// A return must say why.
    public var needsReason: Bool { self == .returnByLeadUnit || self == .returnBySecretariat }
}
