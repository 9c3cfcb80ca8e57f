/// How an exemplar is spread (tuyên truyền, giao lưu, tham quan học tập). Raw values are the database's.
public enum PropagationKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Giao lưu.
    case exchange
    /// Tham quan học tập.
    case studyVisit = "study_visit"
    /// Báo cáo điển hình, trao đổi kinh nghiệm.
    case experienceReport = "experience_report"
    /// Tuyên truyền trên phương tiện thông tin đại chúng.
    case media

    public var vietnamese: String {
        switch self {
        case .exchange: "Giao lưu"
        case .studyVisit: "Tham quan học tập"
        case .experienceReport: "Báo cáo kinh nghiệm"
        case .media: "Tuyên truyền trên phương tiện thông tin đại chúng"
        }
    }
}
