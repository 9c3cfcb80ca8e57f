import Testing
import ThiduaCore

/// The council's rule as data, table-driven: each case cites the rule it applies (LAW.md, "Council").
@Suite("CouncilRuleTests")
struct CouncilRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: CouncilRule
        var tally: CouncilTally
        var expected: CouncilOutcome
        var why: String
        var testDescription: String { why }
    }

    static let chairmanBreaksTies = { () -> CouncilRule in
        var rule = CouncilRule.standard
        rule.tieBreak = .chairmanSide
        rule.base = .votesCast
        return rule
    }()

    static let cases: [Case] = [
        Case(rule: .standard, tally: .init(eligible: 9, approve: 4, reject: 1, abstain: 0), expected: .noQuorum,
             why: "quorum 2/3: 5 of 9 present is short of 6"),
        Case(rule: .standard, tally: .init(eligible: 9, approve: 4, reject: 2, abstain: 0), expected: .approved,
             why: "quorum 2/3: 6 of 9 is exactly 2/3; 4 of 6 present is more than half"),
        Case(rule: .standard, tally: .init(eligible: 9, approve: 3, reject: 3, abstain: 0), expected: .rejected,
             why: "majority of those present: a 3–3 tie is not more than half"),
        Case(rule: .standard, tally: .init(eligible: 9, approve: 4, reject: 1, abstain: 3), expected: .rejected,
             why: "base = present: abstentions count against, 4 of 8 is not more than half"),
        Case(rule: .standard, tally: .init(eligible: 9, approve: 5, reject: 0, abstain: 3), expected: .approved,
             why: "base = present: 5 of 8 is more than half"),
        Case(rule: chairmanBreaksTies, tally: .init(eligible: 7, approve: 3, reject: 3, abstain: 1, chairmanVote: .approve), expected: .approved,
             why: "votes cast, ties follow the chairman: 3–3 with the chairman approving"),
        Case(rule: chairmanBreaksTies, tally: .init(eligible: 7, approve: 3, reject: 3, abstain: 1, chairmanVote: .reject), expected: .rejected,
             why: "votes cast, ties follow the chairman: 3–3 with the chairman rejecting"),
        Case(rule: chairmanBreaksTies, tally: .init(eligible: 7, approve: 3, reject: 2, abstain: 2), expected: .approved,
             why: "votes cast: abstentions left out, 3 of 5 is more than half"),
        Case(rule: .ninetyPercentSecret, tally: .init(eligible: 10, approve: 9, reject: 1, abstain: 0), expected: .approved,
             why: "≥ 90% of all members: 9 of 10 is exactly 90%, which is enough (từ 90% trở lên)"),
        Case(rule: .ninetyPercentSecret, tally: .init(eligible: 10, approve: 8, reject: 0, abstain: 0), expected: .rejected,
             why: "≥ 90% of all members: 8 of 10 members, though all 8 present approved"),
        Case(rule: .ninetyPercentSecret, tally: .init(eligible: 11, approve: 9, reject: 0, abstain: 2), expected: .rejected,
             why: "≥ 90% of all members: 9 of 11 is 81.8%"),
        Case(rule: .ninetyPercentSecret, tally: .init(eligible: 0, approve: 0, reject: 0, abstain: 0), expected: .noQuorum,
             why: "no eligible member (everyone recused): never approved"),
    ]

    @Test("outcomes follow the rule", arguments: cases)
    func outcome(_ example: Case) {
        #expect(example.rule.outcome(of: example.tally) == example.expected, "\(example.why)")
    }

    @Test("each default rule names its legal basis")
    func defaultsCiteTheirBasis() {
        #expect(CouncilRule.standard.legalBasis.contains("2/3"))
        #expect(CouncilRule.ninetyPercentSecret.legalBasis.contains("91/2017"))
        #expect(CouncilRule.ninetyPercentSecret.ballot == .secret)
    }
}
