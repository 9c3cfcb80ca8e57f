import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The council's count against a real PostgreSQL (issue 14 item 4, migration 0025): the SQL tally and the Swift
/// rule are one arithmetic, the law's two rules are stored as Swift has them with their corrected basis, and
/// absent members' written votes are taken and counted only where the rule allows them.
@Suite("CouncilCountTests")
struct CouncilCountTests {
    typealias Person = RecordsWorld.Person

    /// Every rule of CouncilRuleTests, over every tally of up to five members (every recusal, every meeting vote,
    /// up to one written vote, and the chairman's side where ties follow it).
    static let rules: [CouncilRule] = [
        .standard, .ninetyPercentSecret, CouncilRuleTests.chairmanBreaksTies, CouncilRuleTests.standardKeepingRecused,
        CouncilRuleTests.standardWithWrittenVotes, CouncilRuleTests.ninetyExcludingRecused,
    ]

    static func tallies(for rule: CouncilRule) -> [CouncilTally] {
        let written: [CouncilTally.Choices] = [.init(), .init(approve: 1), .init(reject: 1), .init(abstain: 1)]
        let sides: [VoteChoice?] = rule.tieBreak == .chairmanSide ? [nil, .approve, .reject] : [nil]
        var tallies: [CouncilTally] = []
        for members in 0...5 {
            for recused in 0...members {
                for approve in 0...members - recused {
                    for reject in 0...members - recused - approve {
                        for abstain in 0...members - recused - approve - reject {
                            for votes in written where approve + reject + abstain + votes.total <= members - recused {
                                for side in sides {
                                    tallies.append(CouncilTally(
                                        members: members, recused: recused, approve: approve, reject: reject, abstain: abstain,
                                        written: votes, chairmanVote: side))
                                }
                            }
                        }
                    }
                }
            }
        }
        return tallies
    }

    @Test("thidua.council_outcome() and CouncilRule.outcome(of:) agree on every small tally under every rule")
    func sqlAgreesWithSwift() async throws {
        let database = try await TestDatabase.make()
        let connection = try await database.connect()
        defer { connection.close() }
        for rule in Self.rules {
            let tallies = Self.tallies(for: rule)
            let column = { (value: (CouncilTally) -> Int) in tallies.map { Int32(value($0)) } }
            let outcomes = try await connection.query("""
                SELECT thidua.council_outcome(
                    \(Int32(rule.quorumNumerator)), \(Int32(rule.quorumDenominator)), \(Int32(rule.thresholdNumerator)),
                    \(Int32(rule.thresholdDenominator)), \(rule.strictlyMore), \(rule.base.rawValue), \(rule.tieBreak.rawValue),
                    \(rule.recusedExcluded), \(rule.writtenVotesAllowed),
                    t.members, t.recused, t.approve, t.reject, t.abstain, t.written_approve, t.written_reject, t.written_abstain,
                    t.chairman_vote)
                FROM unnest(\(column(\.members)), \(column(\.recused)), \(column(\.approve)), \(column(\.reject)),
                            \(column(\.abstain)), \(column(\.written.approve)), \(column(\.written.reject)),
                            \(column(\.written.abstain)), \(tallies.map { $0.chairmanVote?.rawValue })::text[])
                    WITH ORDINALITY AS t (members, recused, approve, reject, abstain, written_approve, written_reject,
                                          written_abstain, chairman_vote, n)
                ORDER BY t.n
                """).map { CouncilOutcome(rawValue: try $0.decode(String.self, at: 0)) }
            #expect(outcomes.count == tallies.count && tallies.count >= 630)
            let disagreements = zip(tallies, outcomes).filter { rule.outcome(of: $0) != $1 }
            #expect(disagreements.isEmpty, "\(rule.base) \(rule.recusedExcluded) \(rule.writtenVotesAllowed): \(disagreements.prefix(3))")
        }
    }

    @Test("the law's two rules are stored as Swift has them: counted columns, and the 90% rule cited at điều 45 khoản 8 [V], not điều 54")
    func storedRulesMatchSwift() async throws {
        let f = try await CouncilFixture.make(poolSize: 2)
        let national = try await f.council.rules(as: f[.secretary]).filter { $0.areaID == nil }
        #expect(national.first { $0.code == "standard" }?.rule == .standard)
        #expect(national.first { $0.code == "ninety-percent-secret" }?.rule == .ninetyPercentSecret)
        for record in national {
            #expect(!record.rule.legalBasis.contains("điều 54") && record.rule.legalBasis.contains("[U]"))
        }
        // The rules are schema data: their correction wrote no audit event.
        let events = try await f.world.superuser { connection in
            try await connection.query("""
                SELECT count(*)::integer FROM thidua.audit_events
                WHERE record_type = 'council_rules'
                  AND record_id IN (SELECT id::text FROM thidua.council_rules WHERE area_id IS NULL)
                """).single()!.decode(Int.self, at: 0)
        }
        #expect(events == 0)
    }

    @Test("under the 90% rule an excused member votes in writing, secretly, and counts: 2 at the meeting and 1 in writing of 3 members approve")
    func writtenSecretVotesCount() async throws {
        let f = try await CouncilFixture.make(poolSize: 2)
        let nomination = try await f.verified("Lò Thị Mai")
        let ninety = try #require(try await f.council.rules(as: f[.secretary]).first { $0.code == "ninety-percent-secret" })
        let absent = f[.member2]
        let session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét Chiến sĩ thi đua", nominations: [nomination.id], rule: ninety.id,
            excused: [absent.userID], by: f[.secretary])
        // The excused member sees the session as one to vote in, in writing.
        #expect(try await f.council.sessions(as: absent).first { $0.id == session.id }.map { [$0.seated ? 1 : 0, $0.awaitingVote] } == [1, 1])
        for member in [f[.member], f[.chairman], absent] {
            let vote = try await f.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: member)
            #expect(vote.choice == nil)
        }
        let closed = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        // Written ballots are counted among the others under a secret ballot: nothing apart could tell this one.
        #expect(closed.item(nomination.id)?.tally == CouncilTally(members: 3, approve: 3, reject: 0, abstain: 0))
        #expect(closed.item(nomination.id)?.outcome == .approved)
        let minutes = try await f.council.minutes(session.id, as: f[.secretary])
        #expect(minutes.members.first { $0.memberID == absent.userID }?.attendance == .inWriting)
        #expect(minutes.members.first { $0.memberID == absent.userID }?.attendanceText == "Vắng có lý do, biểu quyết bằng văn bản")
        #expect(minutes.memberCount == 3 && minutes.excusedCount == 1)
    }

    @Test("under an open rule with written votes the written vote is counted apart and named in the minutes; under the standard rule the excused member is refused and stays in the base")
    func writtenOpenVotes() async throws {
        let f = try await CouncilFixture.make(poolSize: 2)
        let first = try await f.verified("Lò Thị Mai")
        let second = try await f.verified("Sùng A Páo")
        let absent = f[.member2]
        let rule = try await f.council.addRule(
            CouncilRuleTests.standardWithWrittenVotes, code: "van-ban", name: "Đa số, có phiếu bằng văn bản", validFrom: Date(),
            by: f[.secretary])
        let withWriting = try await f.council.open(
            round: f.world.round, title: "Phiên có phiếu bằng văn bản", nominations: [first.id], rule: rule,
            excused: [absent.userID], by: f[.secretary])
        _ = try await f.council.vote(.approve, on: first.id, in: withWriting.id, version: 0, by: f[.member])
        _ = try await f.council.vote(.reject, comment: "Thành tích chưa nổi bật", on: first.id, in: withWriting.id, version: 0, by: absent)
        let closed = try await f.council.close(withWriting.id, version: withWriting.version, by: f[.secretary])
        // 1 + 1 of 3 take part, which is 2/3; 1 of 2 is a tie, not more than half.
        #expect(closed.item(first.id)?.tally
            == CouncilTally(members: 3, approve: 1, reject: 0, abstain: 0, written: .init(reject: 1)))
        #expect(closed.item(first.id)?.outcome == .rejected)
        let minutes = try await f.council.minutes(withWriting.id, as: f[.secretary])
        #expect(minutes.items.first?.votes.first { $0.memberID == absent.userID }?.choiceText == "Không tán thành (bằng văn bản)")
        #expect(minutes.items.first?.tallyText?.hasSuffix(
            "Phiếu bằng văn bản của thành viên vắng mặt: tán thành: 0; không tán thành: 1; không biểu quyết: 0.") == true)

        // The standard rule takes no written votes: the excused member is refused and remains one of the 3 members.
        let standard = try await f.council.open(
            round: f.world.round, title: "Phiên theo quy tắc chuẩn", nominations: [second.id], excused: [absent.userID],
            by: f[.secretary])
        #expect(try await f.council.sessions(as: absent).first { $0.id == standard.id }?.seated == false)
        await #expect(throws: ThiduaError.denied(.notOnRoster)) {
            try await f.council.vote(.approve, on: second.id, in: standard.id, version: 0, by: absent)
        }
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_recusals (session_id, nomination_id, member_id, reason)
            VALUES (\(standard.id), \(second.id), \(absent.userID), 'Vắng')
            """, as: absent, in: .councilMember) == "TD020")
        _ = try await f.council.vote(.approve, on: second.id, in: standard.id, version: 0, by: f[.member])
        let counted = try await f.council.close(standard.id, version: standard.version, by: f[.secretary])
        // 1 of 3 members takes part: short of 2/3 (dropping the excused member made it 1 of 2, still short).
        #expect(counted.item(second.id)?.tally == CouncilTally(members: 3, approve: 1, reject: 0, abstain: 0))
        #expect(counted.item(second.id)?.outcome == .noQuorum)
    }
}
