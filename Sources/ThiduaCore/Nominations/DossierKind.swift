/// The documents of a dossier (Law art. 84). Raw values are the database's.
public enum DossierKind: String, Sendable, Hashable, CaseIterable, Codable {
    case request
    case achievementReport = "achievement_report"
    case reviewMinutes = "review_minutes"
    case initiativeCertificate = "initiative_certificate"
    case other

    public var vietnamese: String {
        switch self {
        case .request: "Văn bản đề nghị"
        case .achievementReport: "Báo cáo thành tích"
        case .reviewMinutes: "Biên bản bình xét"
        case .initiativeCertificate: "Giấy chứng nhận sáng kiến"
        case .other: "Tài liệu khác"
        }
    }
}
