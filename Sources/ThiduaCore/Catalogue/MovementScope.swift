/// Whom a movement reaches (phạm vi), a classification of report 0601.N. Raw values are the database's.
public enum MovementScope: String, Sendable, Hashable, CaseIterable, Codable {
    /// The whole territory of the launching level: toàn quốc, toàn tỉnh, toàn huyện.
    case wholeArea = "whole_area"
    case sector
    case cluster
    case unit

    public var vietnamese: String {
        switch self {
        case .wholeArea: "Toàn địa bàn"
        case .sector: "Ngành, lĩnh vực, giới"
        case .cluster: "Cụm, khối thi đua"
        case .unit: "Trong cơ quan, đơn vị"
        }
    }
}
