/// A role a user holds through a grant (or borrows through a delegation). Raw values are the database's.
public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
    case unitClerk = "unit_clerk"
    case unitHead = "unit_head"
    case secretariat
    case councilMember = "council_member"
    case chairman
    case auditor
    case admin

    /// How the role reads on a Vietnamese page.
    public var vietnamese: String {
        switch self {
        case .unitClerk: "Cán bộ nhập liệu"
        case .unitHead: "Thủ trưởng đơn vị"
        case .secretariat: "Cơ quan Thường trực Hội đồng"
        case .councilMember: "Thành viên Hội đồng"
        case .chairman: "Chủ tịch"
        case .auditor: "Thanh tra, kiểm tra"
        case .admin: "Quản trị hệ thống"
        }
    }
}
