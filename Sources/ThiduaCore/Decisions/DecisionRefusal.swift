/// Why a decision refused a step its state or its kind does not allow, in words for the person who asked. Who
/// may take a step at all is the policy's to refuse (``PolicyDenial``), not this.
public enum DecisionRefusal: Error, Sendable, Hashable {
    /// The decision is in a state where this cannot be done; a signed or revoked decision never changes.
    case state(DecisionState)
    /// A revocation names the decision it cancels; it has no items.
    case revocationHasNoItems
    /// Only a proposal upward records the higher level's answer.
    case onlyProposalsAnswered
    /// Only a commendation decision is revoked: a proposal confers nothing, a revocation is final.
    case onlyCommendationsRevoked
    /// Certificates (Giấy khen) are printed for commendation decisions only.
    case certificatesOnlyForCommendations

    /// A stable code for APIs and scripts.
    public var code: String {
        switch self {
        case .state: "decision_state"
        case .revocationHasNoItems: "revocation_has_no_items"
        case .onlyProposalsAnswered: "only_proposals_answered"
        case .onlyCommendationsRevoked: "only_commendations_revoked"
        case .certificatesOnlyForCommendations: "certificates_only_for_commendations"
        }
    }

    public var vietnamese: String {
        switch self {
        case .state(let state): "Quyết định đang ở trạng thái “\(state.vietnamese)”; không thể thực hiện thao tác này."
        case .revocationHasNoItems: "Quyết định hủy bỏ không có danh sách khen thưởng."
        case .onlyProposalsAnswered: "Chỉ tờ trình đề nghị cấp trên mới ghi ý kiến trả lời của cấp trên."
        case .onlyCommendationsRevoked: "Chỉ quyết định khen thưởng mới bị hủy bỏ; tờ trình và quyết định hủy bỏ thì không."
        case .certificatesOnlyForCommendations: "Chỉ in giấy khen cho quyết định khen thưởng, không cho tờ trình hay quyết định hủy bỏ."
        }
    }

    public var english: String {
        switch self {
        case .state(let state): "The decision is \(state.rawValue); this cannot be done to it."
        case .revocationHasNoItems: "A revocation has no items."
        case .onlyProposalsAnswered: "Only a proposal records the higher level's answer."
        case .onlyCommendationsRevoked: "Only a commendation decision is revoked, not a proposal or a revocation."
        case .certificatesOnlyForCommendations: "Certificates are printed for commendation decisions only, not for proposals or revocations."
        }
    }
}
