/// How a movement is organised (hình thức), a classification of report 0601.N: on a theme, or as the regular
/// emulation of a field. Raw values are the database's.
public enum MovementMethod: String, Sendable, Hashable, CaseIterable, Codable {
    case thematic
    case regular

    public var vietnamese: String {
        switch self {
        case .thematic: "Chuyên đề"
        case .regular: "Thường xuyên"
        }
    }
}
