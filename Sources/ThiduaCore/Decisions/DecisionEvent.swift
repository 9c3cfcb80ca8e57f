/// What can happen to a decision, a proposal or a revocation once drafted (issue 4 §3, DESIGN.md §5).
public enum DecisionEvent: String, Sendable, Hashable, CaseIterable, Codable {
    /// The secretariat adds items to it or takes one out, while it is being prepared.
    case editItems = "edit_items"
    /// The secretariat puts a decision the chairman sent back up for signature again.
    case resubmit
    /// The chairman (or a deputy under ký thay) signs it: numbered, in force, never changed again.
    case sign
    /// The chairman sends it back to the secretariat, with the reason.
    case sendBack = "send_back"
    /// The secretariat drafts the revocation of this signed commendation decision (it stays signed until the
    /// revocation is signed).
    case draftRevocation = "draft_revocation"
    /// The signing of a revocation that names this decision revokes it, with its commendation records.
    case revoke
    /// The secretariat records the higher level's answer to an item of this signed proposal.
    case recordAnswer = "record_answer"
    /// The secretariat, the chairman or an auditor prints the certificates (Giấy khen) of a signed commendation
    /// decision: a reading, but only of a decision in force.
    case printCertificates = "print_certificates"

    /// The action the policy decides for this event: who may take it at all.
    var policyAction: DecisionAction {
        switch self {
        case .editItems, .resubmit, .draftRevocation, .recordAnswer: .prepare
        case .sign, .revoke: .sign
        case .sendBack: .sendBack
        case .printCertificates: .printCertificates
        }
    }
}
