import Testing
import ThiduaCore

/// The council's rule as data, table-driven against hand-counted examples (issue 14 item 4): each case says how
/// it was counted and cites the rule it applies (LAW.md, "Council"; migration 0025). `members` is always the whole
/// roster frozen at opening, excused members included. CouncilReviewTests runs every case through the database.
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

    /// The standard rule, but recused members stay in the nomination's base.
    static let standardKeepingRecused = { () -> CouncilRule in
        var rule = CouncilRule.standard
        rule.recusedExcluded = false
        return rule
    }()

    /// The standard rule, but absent members vote in writing.
    static let standardWithWrittenVotes = { () -> CouncilRule in
        var rule = CouncilRule.standard
        rule.writtenVotesAllowed = true
        return rule
    }()

    /// The 90% rule, but recused members leave the nomination's base.
    static let ninetyExcludingRecused = { () -> CouncilRule in
        var rule = CouncilRule.ninetyPercentSecret
        rule.recusedExcluded = true
        return rule
    }()

    static let cases: [Case] = [
        // The standard rule: quorum 2/3 of all members, more than half of those taking part, recused out, no written votes.
        Case(rule: .standard, tally: .init(members: 9, approve: 5, reject: 3, abstain: 1), expected: .approved,
             why: "standard, all 9 present: 9 ≥ 6 take part; 5 of 9 is more than 4.5"),
        Case(rule: .standard, tally: .init(members: 9, approve: 4, reject: 1, abstain: 0), expected: .noQuorum,
             why: "standard, 4 excused: the base stays the 9 of the roster, 5 taking part is short of 6 (dropping the excused made it 5 of 5)"),
        Case(rule: .standard, tally: .init(members: 9, approve: 4, reject: 2, abstain: 0), expected: .approved,
             why: "standard, 3 excused: 6 of 9 is exactly 2/3; 4 of 6 is more than 3"),
        Case(rule: .standard, tally: .init(members: 6, approve: 3, reject: 3, abstain: 0), expected: .rejected,
             why: "standard, a tie: 3 of 6 is not more than half"),
        Case(rule: .standard, tally: .init(members: 9, approve: 4, reject: 1, abstain: 3), expected: .rejected,
             why: "standard, abstentions count against: 4 of 8 taking part is not more than half"),
        Case(rule: .standard, tally: .init(members: 9, approve: 5, reject: 0, abstain: 3), expected: .approved,
             why: "standard, abstentions: 5 of 8 is more than half"),
        Case(rule: .standard, tally: .init(members: 9, recused: 3, approve: 3, reject: 1, abstain: 0), expected: .approved,
             why: "standard, 3 recused leave the base: 9 − 3 = 6, 4 taking part ≥ 4; 3 of 4 is more than half"),
        Case(rule: standardKeepingRecused, tally: .init(members: 9, recused: 3, approve: 3, reject: 1, abstain: 0), expected: .noQuorum,
             why: "recused kept in the base: 4 of 9 taking part is short of 6"),
        Case(rule: .standard, tally: .init(members: 3, recused: 3, approve: 0, reject: 0, abstain: 0), expected: .noQuorum,
             why: "standard, everyone recused: no base left, never approved"),
        Case(rule: .standard, tally: .init(members: 9, approve: 3, reject: 1, abstain: 0, written: .init(approve: 3)), expected: .noQuorum,
             why: "standard takes no written votes: 3 written approvals are not counted, 4 of 9 taking part is short of 6"),
        Case(rule: standardWithWrittenVotes, tally: .init(members: 9, approve: 3, reject: 1, abstain: 0, written: .init(approve: 2)),
             expected: .approved,
             why: "written votes counted, toward the quorum too: 4 + 2 = 6 of 9 take part; 5 of 6 is more than half"),
        Case(rule: standardWithWrittenVotes, tally: .init(members: 9, approve: 3, reject: 2, abstain: 0, written: .init(reject: 1)),
             expected: .rejected,
             why: "written votes counted, a tie: 6 take part, 3 of 6 is not more than half"),
        Case(rule: chairmanBreaksTies, tally: .init(members: 7, approve: 3, reject: 3, abstain: 1, chairmanVote: .approve), expected: .approved,
             why: "votes cast, ties follow the chairman: 3–3 with the chairman approving"),
        Case(rule: chairmanBreaksTies, tally: .init(members: 7, approve: 3, reject: 3, abstain: 1, chairmanVote: .reject), expected: .rejected,
             why: "votes cast, ties follow the chairman: 3–3 with the chairman rejecting"),
        Case(rule: chairmanBreaksTies, tally: .init(members: 7, approve: 3, reject: 2, abstain: 2), expected: .approved,
             why: "votes cast: abstentions left out, 3 of 5 is more than half"),
        Case(rule: chairmanBreaksTies, tally: .init(members: 6, approve: 0, reject: 0, abstain: 4), expected: .rejected,
             why: "votes cast, only abstentions: 4 of 6 take part, but no vote is cast, so nothing is approved"),

        // Nghị định 91/2017 điều 45 khoản 8: ≥ 90% of all the council's members, recused ones included, absent
        // members in writing; secret ballot.
        Case(rule: .ninetyPercentSecret, tally: .init(members: 10, approve: 9, reject: 1, abstain: 0), expected: .approved,
             why: "90%, all 10 present: 9 of 10 is exactly 90%, which is enough (từ 90% trở lên)"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 10, approve: 8, reject: 0, abstain: 0), expected: .rejected,
             why: "90%, 2 excused who did not write: 8 of all 10 members is 80%, though all 8 present approved"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 10, approve: 7, reject: 1, abstain: 0, written: .init(approve: 2)),
             expected: .approved,
             why: "90%, 2 excused approve in writing: 7 + 2 = 9 of 10 is 90%"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 10, approve: 8, reject: 0, abstain: 0, written: .init(reject: 1, abstain: 1)),
             expected: .rejected,
             why: "90%, written votes against: 8 of 10 is 80%"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 11, approve: 9, reject: 0, abstain: 2), expected: .rejected,
             why: "90%, abstentions are not approvals: 9 of 11 is 81.8%"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 10, approve: 9, reject: 0, abstain: 1), expected: .approved,
             why: "90%, one abstains: 9 of 10 is still 90%"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 10, recused: 1, approve: 9, reject: 0, abstain: 0), expected: .approved,
             why: "90%, one recused stays in the base: 9 of 10 is 90%"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 10, recused: 2, approve: 8, reject: 0, abstain: 0), expected: .rejected,
             why: "90%, two recused stay in the base: 8 of 10 is 80%, though every member who could vote approved"),
        Case(rule: ninetyExcludingRecused, tally: .init(members: 10, recused: 2, approve: 8, reject: 0, abstain: 0), expected: .approved,
             why: "90% with recused out of the base: 8 of 10 − 2 = 8 is 100%"),
        Case(rule: .ninetyPercentSecret, tally: .init(members: 9, approve: 5, reject: 0, abstain: 0), expected: .noQuorum,
             why: "90%, 4 excused who did not write: 5 of 9 taking part is short of the 2/3 quorum"),
    ]

    @Test("outcomes follow the rule", arguments: cases)
    func outcome(_ example: Case) {
        #expect(example.rule.outcome(of: example.tally) == example.expected, "\(example.why)")
    }

    @Test("each default rule names its legal basis, each part marked verified or not")
    func defaultsCiteTheirBasis() {
        #expect(CouncilRule.standard.legalBasis.contains("2/3") && CouncilRule.standard.legalBasis.contains("[U]"))
        let ninety = CouncilRule.ninetyPercentSecret
        #expect(ninety.legalBasis.contains("Nghị định 91/2017/NĐ-CP, điều 45 khoản 8 [V]"))
        #expect(!ninety.legalBasis.contains("điều 54"))
        #expect(ninety.ballot == .secret && ninety.base == .members && !ninety.recusedExcluded && ninety.writtenVotesAllowed)
        #expect(CouncilRule.standard.recusedExcluded && !CouncilRule.standard.writtenVotesAllowed)
    }

    @Test("the minutes state the recusal and written-vote parts of the rule")
    func wordsOfTheCount() {
        #expect(CouncilRule.ninetyPercentSecret.vietnamese.contains(
            "Thành viên vắng mặt biểu quyết bằng văn bản; phiếu bằng văn bản được tính như phiếu tại phiên họp."))
        #expect(CouncilRule.standard.vietnamese.contains("Không lấy ý kiến bằng văn bản của thành viên vắng mặt."))
        #expect(CouncilTally(members: 10, recused: 1, approve: 7, reject: 1, abstain: 0, written: .init(approve: 2)).vietnamese
            == "Thành viên Hội đồng: 10; rút khỏi xét: 1; tán thành: 7; không tán thành: 1; không biểu quyết: 0. "
            + "Phiếu bằng văn bản của thành viên vắng mặt: tán thành: 2; không tán thành: 0; không biểu quyết: 0.")
    }
}
