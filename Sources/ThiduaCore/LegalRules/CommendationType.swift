/// The type of a commendation (Law art. 9), carried by every award because awards by movement or theme and ad
/// hoc awards do not count toward proposals for higher merit awards (Nghị định 152/2025, art. 4). Raw values are
/// the codes of `commendation_types` (0010), which also keeps that rule.
public enum CommendationType: String, Sendable, Hashable, CaseIterable, Codable {
    /// Theo đợt, chuyên đề: the plan's awards.
    case byMovement = "by_movement"
    /// Đột xuất.
    case adHoc = "ad_hoc"
    /// Công trạng và thành tích.
    case merit
    /// Quá trình cống hiến.
    case longService = "long_service"
    /// Niên hạn (armed forces).
    case seniority
    /// Đối ngoại.
    case foreign

    public var vietnamese: String {
        switch self {
        case .byMovement: "Khen thưởng theo đợt, chuyên đề"
        case .adHoc: "Khen thưởng đột xuất"
        case .merit: "Khen thưởng theo công trạng và thành tích đạt được"
        case .longService: "Khen thưởng quá trình cống hiến"
        case .seniority: "Khen thưởng theo niên hạn"
        case .foreign: "Khen thưởng đối ngoại"
        }
    }
}
