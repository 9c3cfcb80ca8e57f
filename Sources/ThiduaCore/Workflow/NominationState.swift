/// Where a nomination stands (DESIGN.md §5). Raw values are the database's.
public enum NominationState: String, Sendable, Hashable, CaseIterable, Codable {
    case draft
    case submitted
    case endorsed
    case verified
    case returned
    case withdrawn
    case inReview = "in_review"
    case approved
    case rejected
    case decided

    public var vietnamese: String {
        switch self {
        case .draft: "Dự thảo"
        case .submitted: "Đã gửi"
        // Endorsed by the lead unit, or at once when no other unit endorses it (0018): either way at the secretariat.
        case .endorsed: "Đã chuyển Cơ quan Thường trực"
        case .verified: "Đã thẩm định"
        case .returned: "Bị trả lại"
        case .withdrawn: "Đã rút"
        case .inReview: "Đang xét tại Hội đồng"
        case .approved: "Hội đồng nhất trí"
        case .rejected: "Hội đồng không nhất trí"
        case .decided: "Đã có quyết định khen thưởng"
        }
    }

    /// A nomination in one of these states counts toward its unit's maximum for the round. PostgreSQL's
    /// `thidua.holds_quota_slot(state)` (migration 0003) keeps the ledger by the same rule; a test holds them equal.
    public var holdsQuotaSlot: Bool {
        switch self {
        case .draft, .withdrawn, .rejected: false
        default: true
        }
    }

    /// Its unit may still change its content.
    public var isEditable: Bool { self == .draft || self == .returned }
}
