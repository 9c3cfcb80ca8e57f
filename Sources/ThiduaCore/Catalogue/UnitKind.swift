/// The kinds of unit that take part (PLAN.md §1). Raw values are the database's.
public enum UnitKind: String, Sendable, Hashable, CaseIterable, Codable {
    case commune
    case department
    case armedForce = "armed_force"
    case enterprise
    case secretariat
    case council

    public var vietnamese: String {
        switch self {
        case .commune: "UBND xã, thị trấn"
        case .department: "Phòng, ban, đoàn thể"
        case .armedForce: "Lực lượng vũ trang"
        case .enterprise: "Doanh nghiệp"
        case .secretariat: "Cơ quan Thường trực Hội đồng"
        case .council: "Hội đồng Thi đua - Khen thưởng"
        }
    }
}
