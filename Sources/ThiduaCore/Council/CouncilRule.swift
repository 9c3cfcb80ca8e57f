/// How a council decides (LAW.md, "Council"): who must be there, who must approve, how votes are cast.
///
/// Kept as data on a round or a form, with its legal basis, because the thresholds below the central level are
/// not settled in the law [U]. The two defaults are the ones LAW.md asks the demo to carry.
///
/// ```swift
/// let outcome = CouncilRule.standard.outcome(of: CouncilTally(eligible: 9, approve: 5, reject: 1, abstain: 0))
/// // .approved: 6 of 9 present meets the 2/3 quorum, and 5 of the 6 approve
/// ```
public struct CouncilRule: Sendable, Hashable, Codable {
    /// Whose approval is counted against the threshold.
    public enum Base: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every member eligible to vote on the item (the frozen roster less those recused).
        case members
        /// Those who took part: approve, reject or abstain.
        case present
        /// Approvals and rejections only: abstentions do not count.
        case votesCast = "votes_cast"
    }

    public enum Ballot: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        /// Only counts are kept, never who voted how.
        case secret
        /// Absent members vote in writing (the old Nghị định 91/2017 practice).
        case written
    }

    /// What a tie (approvals exactly at a "more than" threshold's line) becomes.
    public enum TieBreak: String, Sendable, Hashable, Codable, CaseIterable {
        case notApproved = "not_approved"
        /// The side the chairman voted for (common in Vietnamese councils' working rules; not in the law [U]).
        case chairmanSide = "chairman_side"
    }

    /// Share of eligible members who must take part, as a fraction (2/3 = 2, 3).
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
    /// Where the rule comes from, shown wherever it is applied.
    public var legalBasis: String

    /// Quorum 2/3, more than half of those present, open ballot (LAW.md: the demo's default, after the central
    /// council's majority rule with quorum ≥ 2/3).
    public static let standard = CouncilRule(
        quorumNumerator: 2, quorumDenominator: 3, thresholdNumerator: 1, thresholdDenominator: 2, strictlyMore: true,
        base: .present, ballot: .open, tieBreak: .notApproved,
        legalBasis: "Nguyên tắc tập trung dân chủ, biểu quyết theo đa số; có mặt ít nhất 2/3 thành viên (Luật Thi đua, khen thưởng 2022)")

    /// At least 90% of all members, secret ballot (LAW.md: the old Nghị định 91/2017 rule for Chiến sĩ thi đua
    /// at province level and higher, kept as the demo's second rule).
    public static let ninetyPercentSecret = CouncilRule(
        quorumNumerator: 2, quorumDenominator: 3, thresholdNumerator: 9, thresholdDenominator: 10, strictlyMore: false,
        base: .members, ballot: .secret, tieBreak: .notApproved,
        legalBasis: "Bỏ phiếu kín, đạt từ 90% tổng số thành viên Hội đồng trở lên (Nghị định 91/2017/NĐ-CP, điều 54; đã hết hiệu lực)")

    public init(
        quorumNumerator: Int, quorumDenominator: Int, thresholdNumerator: Int, thresholdDenominator: Int, strictlyMore: Bool,
        base: Base, ballot: Ballot, tieBreak: TieBreak, legalBasis: String
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
        self.legalBasis = legalBasis
    }

    /// The outcome of one item's votes under this rule. Pure; all arithmetic in integers, so 2/3 of 9 is 6 exactly.
    public func outcome(of tally: CouncilTally) -> CouncilOutcome {
        guard tally.eligible > 0, tally.present * quorumDenominator >= tally.eligible * quorumNumerator else { return .noQuorum }
        let counted = switch base {
        case .members: tally.eligible
        case .present: tally.present
        case .votesCast: tally.approve + tally.reject
        }
        guard counted > 0 else { return .rejected }
        let approvals = tally.approve * thresholdDenominator
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
    /// Members who may vote on the item: the roster when the session opened, less those recused.
    public var eligible: Int
    public var approve: Int
    public var reject: Int
    public var abstain: Int
    /// How the chairman voted, for a rule whose ties follow the chairman (never known under a secret ballot).
    public var chairmanVote: VoteChoice?

    public var present: Int { approve + reject + abstain }

    public init(eligible: Int, approve: Int, reject: Int, abstain: Int, chairmanVote: VoteChoice? = nil) {
        self.eligible = eligible
        self.approve = approve
        self.reject = reject
        self.abstain = abstain
        self.chairmanVote = chairmanVote
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
