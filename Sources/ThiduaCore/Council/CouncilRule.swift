/// How a council decides (LAW.md, "Council"): who must be there, who must approve, how votes are cast.
///
/// Kept as data on a round or a form, with its legal basis, because the thresholds below the central level are
/// not settled in the law [U]. The two defaults are the ones LAW.md asks the demo to carry. Every base counted on
/// members is the whole roster frozen at opening, excused members included; recused members leave a nomination's
/// base only where `recusedExcluded`, and written votes of absent members count only where `writtenVotesAllowed`.
///
/// ```swift
/// let outcome = CouncilRule.standard.outcome(of: CouncilTally(members: 9, approve: 5, reject: 1, abstain: 0))
/// // .approved: 6 of 9 members take part, which meets the 2/3 quorum, and 5 of the 6 approve
/// ```
public struct CouncilRule: Sendable, Hashable, Codable {
    /// Whose approval is counted against the threshold.
    public enum Base: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every member of the frozen roster, excused ones included (less the recused where the rule says so).
        case members
        /// Those who took part: approve, reject or abstain, in the meeting or, where counted, in writing.
        case present
        /// Approvals and rejections only: abstentions do not count.
        case votesCast = "votes_cast"
    }

    public enum Ballot: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        /// Only counts are kept, never who voted how.
        case secret
        /// The whole vote is taken in writing; who voted how is kept, as under an open ballot.
        case written
    }

    /// What a tie (approvals exactly at a "more than" threshold's line) becomes.
    public enum TieBreak: String, Sendable, Hashable, Codable, CaseIterable {
        case notApproved = "not_approved"
        /// The side the chairman voted for (common in Vietnamese councils' working rules; not in the law [U]).
        case chairmanSide = "chairman_side"
    }

    /// Share of the members' base who must take part, as a fraction (2/3 = 2, 3).
    public var quorumNumerator: Int
    public var quorumDenominator: Int
    /// Share of `base` that must approve.
    public var thresholdNumerator: Int
    public var thresholdDenominator: Int
    /// `true`: strictly more than the share ("quá bán"); `false`: at least the share ("từ 90% trở lên").
    public var strictlyMore: Bool
    public var base: Base
    public var ballot: Ballot
    public var tieBreak: TieBreak
    /// `true`: members recused from a nomination leave its base (the quorum's and the members'); `false`: they
    /// stay in it and, not voting, count as not approving.
    public var recusedExcluded: Bool
    /// Members excused from the meeting may vote in writing, and those votes count (toward the quorum too).
    public var writtenVotesAllowed: Bool
    /// Where the rule comes from, shown wherever it is applied; each part marked [V] verified or [U] not.
    public var legalBasis: String

    /// Quorum 2/3, more than half of those taking part, open ballot, recused members out of the nomination's base,
    /// no written votes (LAW.md: the demo's default, after the central council's majority rule; migration 0025).
    public static let standard = CouncilRule(
        quorumNumerator: 2, quorumDenominator: 3, thresholdNumerator: 1, thresholdDenominator: 2, strictlyMore: true,
        base: .present, ballot: .open, tieBreak: .notApproved, recusedExcluded: true, writtenVotesAllowed: false,
        legalBasis: "Hội đồng hoạt động theo nguyên tắc tập trung, dân chủ, biểu quyết theo đa số (Quy chế làm việc của "
            + "Hội đồng Thi đua - Khen thưởng Trung ương, Quyết định 500/QĐ-TTg ngày 12/6/2024) [V]; phiên họp có ít nhất "
            + "2/3 tổng số thành viên [U]; đa số tính trên số thành viên tham gia biểu quyết, thành viên rút khỏi xét không "
            + "tính vào số thành viên của hồ sơ đó, không lấy ý kiến bằng văn bản thành viên vắng mặt [U]")

    /// At least 90% of all members, recused ones included, secret ballot, absent members voting in writing: the old
    /// Nghị định 91/2017 rule for Chiến sĩ thi đua at province level and higher (điều 45 khoản 8), kept as the
    /// demo's second rule.
    public static let ninetyPercentSecret = CouncilRule(
        quorumNumerator: 2, quorumDenominator: 3, thresholdNumerator: 9, thresholdDenominator: 10, strictlyMore: false,
        base: .members, ballot: .secret, tieBreak: .notApproved, recusedExcluded: false, writtenVotesAllowed: true,
        legalBasis: "Họp và bỏ phiếu kín; tỷ lệ phiếu đồng ý từ 90% trở lên tính trên tổng số thành viên của Hội đồng, "
            + "kể cả thành viên rút khỏi xét; thành viên vắng mặt thì lấy ý kiến bằng văn bản (Nghị định 91/2017/NĐ-CP, "
            + "điều 45 khoản 8 [V]; hết hiệu lực từ 01/01/2024, quy định tương ứng hiện hành chưa tìm thấy [U]); phiên họp "
            + "có ít nhất 2/3 tổng số thành viên [U]")

    public init(
        quorumNumerator: Int, quorumDenominator: Int, thresholdNumerator: Int, thresholdDenominator: Int, strictlyMore: Bool,
        base: Base, ballot: Ballot, tieBreak: TieBreak, recusedExcluded: Bool, writtenVotesAllowed: Bool, legalBasis: String
    ) {
        precondition(quorumDenominator > 0 && thresholdDenominator > 0, "a share has a positive denominator")
        self.quorumNumerator = quorumNumerator
        self.quorumDenominator = quorumDenominator
        self.thresholdNumerator = thresholdNumerator
        self.thresholdDenominator = thresholdDenominator
        self.strictlyMore = strictlyMore
        self.base = base
        self.ballot = ballot
        self.tieBreak = tieBreak
        self.recusedExcluded = recusedExcluded
        self.writtenVotesAllowed = writtenVotesAllowed
        self.legalBasis = legalBasis
    }

    /// The members a nomination's quorum and a members' base count: the whole roster, less the recused where the
    /// rule excludes them.
    public func pool(of tally: CouncilTally) -> Int {
        tally.members - (recusedExcluded ? tally.recused : 0)
    }

    /// The outcome of one item's votes under this rule. Pure; all arithmetic in integers, so 2/3 of 9 is 6 exactly.
    /// `thidua.council_outcome()` (migration 0025) is the same arithmetic in SQL.
    public func outcome(of tally: CouncilTally) -> CouncilOutcome {
        let written = writtenVotesAllowed ? tally.written : .init()
        let approve = tally.approve + written.approve
        let reject = tally.reject + written.reject
        let takingPart = tally.approve + tally.reject + tally.abstain + written.approve + written.reject + written.abstain
        let pool = pool(of: tally)
        guard pool > 0, takingPart * quorumDenominator >= pool * quorumNumerator else { return .noQuorum }
        let counted = switch base {
        case .members: pool
        case .present: takingPart
        case .votesCast: approve + reject
        }
        guard counted > 0 else { return .rejected }
        let approvals = approve * thresholdDenominator
        let line = counted * thresholdNumerator
        if approvals > line || (!strictlyMore && approvals == line) { return .approved }
        if strictlyMore, approvals == line, tieBreak == .chairmanSide, let side = tally.chairmanVote {
            return side == .approve ? .approved : .rejected
        }
        return .rejected
    }
}

/// The votes on one item, from the session's frozen roster.
public struct CouncilTally: Sendable, Hashable, Codable {
    /// Votes of one kind, by choice.
    public struct Choices: Sendable, Hashable, Codable {
        public var approve: Int
        public var reject: Int
        public var abstain: Int

        public init(approve: Int = 0, reject: Int = 0, abstain: Int = 0) {
            self.approve = approve
            self.reject = reject
            self.abstain = abstain
        }

        public var total: Int { approve + reject + abstain }
    }

    /// Every member of the roster frozen when the session opened, excused members included.
    public var members: Int
    /// Members recused from the item (by default, their own unit's, or by their own word).
    public var recused: Int
    /// Votes cast at the meeting.
    public var approve: Int
    public var reject: Int
    public var abstain: Int
    /// Votes of members excused from the meeting, given in writing; counted only where the rule allows them.
    /// Under a secret ballot they are among `approve`, `reject` and `abstain` and this is empty: a count apart
    /// would reveal a lone written ballot, and the database admits them only under a rule that counts them.
    public var written: Choices
    /// How the chairman voted, for a rule whose ties follow the chairman (never known under a secret ballot).
    public var chairmanVote: VoteChoice?

    /// Members who may vote on the item: the roster less those recused.
    public var eligible: Int { members - recused }
    /// Votes at the meeting.
    public var present: Int { approve + reject + abstain }

    public init(
        members: Int, recused: Int = 0, approve: Int, reject: Int, abstain: Int, written: Choices = .init(),
        chairmanVote: VoteChoice? = nil
    ) {
        self.members = members
        self.recused = recused
        self.approve = approve
        self.reject = reject
        self.abstain = abstain
        self.written = written
        self.chairmanVote = chairmanVote
    }

    private enum CodingKeys: String, CodingKey {
        case members, recused, eligible, approve, reject, abstain, written, chairmanVote
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            members: try values.decode(Int.self, forKey: .members), recused: try values.decode(Int.self, forKey: .recused),
            approve: try values.decode(Int.self, forKey: .approve), reject: try values.decode(Int.self, forKey: .reject),
            abstain: try values.decode(Int.self, forKey: .abstain), written: try values.decode(Choices.self, forKey: .written),
            chairmanVote: try values.decodeIfPresent(VoteChoice.self, forKey: .chairmanVote))
    }

    /// `eligible` goes out too, for clients that read it before the roster and the recused were counted apart.
    public func encode(to encoder: any Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(members, forKey: .members)
        try values.encode(recused, forKey: .recused)
        try values.encode(eligible, forKey: .eligible)
        try values.encode(approve, forKey: .approve)
        try values.encode(reject, forKey: .reject)
        try values.encode(abstain, forKey: .abstain)
        try values.encode(written, forKey: .written)
        try values.encodeIfPresent(chairmanVote, forKey: .chairmanVote)
    }
}

public enum VoteChoice: String, Sendable, Hashable, Codable, CaseIterable {
    case approve, reject, abstain
}

public enum CouncilOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case approved, rejected
    /// Too few took part: the item stays for another session.
    case noQuorum = "no_quorum"

    /// The workflow step the outcome takes the nomination by, when its session closes.
    public var nominationEvent: NominationEvent {
        switch self {
        case .approved: .approveInCouncil
        case .rejected: .rejectInCouncil
        case .noQuorum: .carryOver
        }
    }
}
