/// A review of the plan or an emulation congress. Raw values are the database's.
public enum ReviewKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Sơ kết (the 2023 mid-term review).
    case midTermReview = "mid_term_review"
    /// Tổng kết (the 2025 final review).
    case finalReview = "final_review"
    /// Đại hội Thi đua yêu nước.
    case congress
}
