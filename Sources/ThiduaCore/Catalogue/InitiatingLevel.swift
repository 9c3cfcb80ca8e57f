/// The level that launched a movement (cấp phát động), a classification of Thông tư 02/2023/TT-BNV's report
/// 0601.N. Raw values are the database's.
public enum InitiatingLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case central
    case ministry
    case province
    case district
    case commune
    case unit

    public var vietnamese: String {
        switch self {
        case .central: "Trung ương"
        case .ministry: "Bộ, ngành, đoàn thể Trung ương"
        case .province: "Tỉnh"
        case .district: "Huyện"
        case .commune: "Xã"
        case .unit: "Cơ quan, đơn vị"
        }
    }
}
