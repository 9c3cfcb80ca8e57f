/// Why a council session refused a step its state does not allow, in words for the person who asked. Who may
/// take a step at all is the policy's to refuse (``PolicyDenial``), not this.
public enum CouncilSessionRefusal: Error, Sendable, Hashable {
    /// The council session is closed: its votes are counted and nothing in it changes.
    case sessionClosed
    /// A member recuses before voting on a nomination, not after.
    case recusalAfterVote
    /// A first vote (version 0) from a member whose vote on the nomination is already in: a double tap or a
    /// second tab, not someone else's change.
    case alreadyVoted
    /// A change of a vote the member has not cast.
    case noVoteToChange

    /// A stable code for APIs and scripts.
    public var code: String {
        switch self {
        case .sessionClosed: "session_closed"
        case .recusalAfterVote: "recusal_after_vote"
        case .alreadyVoted: "already_voted"
        case .noVoteToChange: "no_vote_to_change"
        }
    }

    public var vietnamese: String {
        switch self {
        case .sessionClosed: "Phiên họp Hội đồng đã kết thúc; phiếu biểu quyết đã được kiểm, không thể thay đổi."
        case .recusalAfterVote: "Đã biểu quyết hồ sơ này; việc rút khỏi xét phải có trước khi biểu quyết."
        case .alreadyVoted: "Đồng chí đã bỏ phiếu cho hồ sơ này rồi; phiếu đã bỏ được giữ nguyên. Muốn đổi ý, hãy chọn lại và bấm «Đổi phiếu»."
        case .noVoteToChange: "Đồng chí chưa bỏ phiếu cho hồ sơ này nên chưa có phiếu để đổi; hãy bỏ phiếu."
        }
    }

    public var english: String {
        switch self {
        case .sessionClosed: "The council session is closed: its votes are counted and nothing in it changes."
        case .recusalAfterVote: "The member has voted on this nomination; a recusal comes before the vote."
        case .alreadyVoted: "You have already voted on this nomination; your vote stands. To change it, send the vote's current version."
        case .noVoteToChange: "You have not voted on this nomination, so there is no vote to change; cast it with version 0."
        }
    }
}
