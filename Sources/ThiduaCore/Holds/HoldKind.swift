/// Why a nominee may be neither commended nor proposed for a while (LAW.md: discipline, investigation,
/// inspection or complaint). Raw values are the database's.
public enum HoldKind: String, Sendable, Hashable, CaseIterable, Codable {
    case discipline
    case investigation
    case inspection
    case complaint

    public var vietnamese: String {
        switch self {
        case .discipline: "thi hành kỷ luật"
        case .investigation: "bị điều tra"
        case .inspection: "thanh tra, kiểm tra"
        case .complaint: "giải quyết khiếu nại, tố cáo"
        }
    }
}
