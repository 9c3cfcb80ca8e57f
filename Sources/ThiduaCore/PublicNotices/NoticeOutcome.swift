/// How the secretariat closed a public notice. Raw values are the database's.
public enum NoticeOutcome: String, Sendable, Hashable, CaseIterable, Codable {
    /// No objection was received: the nomination proceeds.
    case noObjection = "no_objection"
    /// Objections were received and found groundless: the nomination proceeds.
    case objectionsDismissed = "objections_dismissed"
    /// An objection was found justified: the nomination goes neither before the council nor into a decision.
    case objectionsUpheld = "objections_upheld"

    public var vietnamese: String {
        switch self {
        case .noObjection: "không có ý kiến phản ánh"
        case .objectionsDismissed: "ý kiến phản ánh không có cơ sở"
        case .objectionsUpheld: "ý kiến phản ánh được chấp nhận"
        }
    }

    /// Whether the nomination may go on after a notice closed so.
    public var letsProceed: Bool { self != .objectionsUpheld }
}
