/// How long a movement runs (thời gian), a classification of report 0601.N: on, or for a term of years
/// (`Movement.endsYear`). Raw values are the database's.
public enum MovementDuration: String, Sendable, Hashable, CaseIterable, Codable {
    case regular
    case fixedTerm = "fixed_term"

    public var vietnamese: String {
        switch self {
        case .regular: "Thường xuyên"
        case .fixedTerm: "Có thời hạn"
        }
    }
}
