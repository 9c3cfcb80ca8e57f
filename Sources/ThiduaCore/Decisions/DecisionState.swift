/// Where a decision stands. The secretariat prepares a `draft`; the chairman signs it or sends it back
/// (`returned`, editable again, then put up again as a draft); a `signed` decision never changes, except that a
/// signed revocation naming it makes it `revoked`. Raw values are the database's.
public enum DecisionState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft
    case returned
    case signed
    case revoked

    public var vietnamese: String {
        switch self {
        case .draft: "Dự thảo"
        case .returned: "Bị trả lại"
        case .signed: "Đã ký ban hành"
        case .revoked: "Đã bị hủy bỏ"
        }
    }
}
