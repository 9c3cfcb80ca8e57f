/// What a public notice received: an objection (phản ánh), which the outcome must settle, or a comment (góp ý),
/// which is kept but settles nothing. Raw values are the database's.
public enum ObjectionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case objection
    case comment

    public var vietnamese: String {
        switch self {
        case .objection: "ý kiến phản ánh"
        case .comment: "ý kiến góp ý"
        }
    }
}
