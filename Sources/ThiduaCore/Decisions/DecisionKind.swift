/// What a decision-like document does. Raw values are the database's.
public enum DecisionKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Quyết định khen thưởng: confers forms and titles within its issuer's power.
    case commendation
    /// Tờ trình đề nghị: asks a higher level to confer what the issuer may not; its items record the answer.
    case proposal
    /// Quyết định hủy bỏ: cancels a signed commendation decision found to rest on false records (Law chapter VII).
    case revocation

    /// The kind as the district writes it on the record.
    public var vietnamese: String {
        switch self {
        case .commendation: "Quyết định khen thưởng"
        case .proposal: "Tờ trình đề nghị cấp trên"
        case .revocation: "Quyết định hủy bỏ"
        }
    }
}
