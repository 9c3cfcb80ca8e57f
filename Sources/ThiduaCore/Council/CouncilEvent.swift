/// What can happen in a council review session once it is open (issue 4 §1): the secretariat closes it, and
/// each member on its roster votes on a nomination, changes that vote, or steps aside from it.
public enum CouncilEvent: String, Sendable, Hashable, CaseIterable, Codable {
    /// The secretariat closes the session: every item is tallied by the session's rule.
    case close
    /// A member's first vote on a nomination (version 0).
    case castVote = "cast_vote"
    /// A member changes their vote on a nomination, until the close.
    case changeVote = "change_vote"
    /// A member steps aside from a nomination, before voting on it.
    case recuse

    /// The action the policy decides for this event: who may take it at all.
    var policyAction: CouncilAction {
        switch self {
        case .close: .close
        case .castVote, .changeVote: .vote
        case .recuse: .recuse
        }
    }

    /// The action's name in the audit trail.
    public var auditAction: String {
        switch self {
        case .close: "council.close"
        case .castVote: "council.vote"
        case .changeVote: "council.change_vote"
        case .recuse: "council.recuse"
        }
    }
}
