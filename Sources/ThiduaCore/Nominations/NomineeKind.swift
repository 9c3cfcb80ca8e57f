/// Who may be nominated (PLAN.md §2). Raw values are the database's.
public enum NomineeKind: String, Sendable, Hashable, CaseIterable, Codable {
    case collective
    case individual
    case household
    case locality

    public var vietnamese: String {
        switch self {
        case .collective: "Tập thể"
        case .individual: "Cá nhân"
        case .household: "Hộ gia đình"
        case .locality: "Xã, thôn, bản, tổ dân phố"
        }
    }
}
