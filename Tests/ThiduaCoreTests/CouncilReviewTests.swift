import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Council review sessions against a real PostgreSQL (issue 4 §1): the roster frozen at opening, recusals,
/// votes changed until the close, the tally by the session's rule, secret ballots that leave no link between a
/// voter and a choice, and the races of a council day.
@Suite("CouncilReviewTests")
struct CouncilReviewTests {
    typealias Person = RecordsWorld.Person

    // MARK: - A session end to end

    @Test("a session end to end: the roster frozen at opening, a late member and a recused member refused, votes changed and audited, the tally and outcome kept with the nomination")
    func sessionEndToEnd() async throws {
        let f = try await CouncilFixture.make()
        let ofCommuneA = try await f.verified("Lò Thị Mai", ofCommuneA: true)
        let ofCommuneB = try await f.verified("Sùng A Páo")
        let (a, b) = (ofCommuneA.id, ofCommuneB.id)
        let id = { (person: Person) in f.world.users[person]! }

        var session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét khen thưởng đợt thử", nominations: [a, b], by: f[.secretary])
        // No rule named, none on the round: the law's standard rule in force, with its basis.
        #expect(session.rule == .standard)
        #expect(session.state == .open)
        #expect(Set(session.roster.map(\.memberID)) == [id(.member), id(.chairman), id(.member2)])
        #expect(session.roster.filter(\.isChairman).map(\.memberID) == [id(.chairman)])
        // member2's own commune submitted `a`: recused from it by default, with the reason.
        #expect(session.item(a)?.recusals.map(\.memberID) == [id(.member2)])
        #expect(session.item(a)?.recusals.first?.byDefault == true)
        #expect(session.item(b)?.recusals.isEmpty == true)
        for nomination in [a, b] {
            #expect(try await f.world.nominations.get(nomination, as: f[.secretary]).state == .inReview)
        }

        // A member added after the opening is not on the roster: refused by the policy and by the database.
        try await f.world.userRepository.grant(.councilMember, to: id(.leadClerk), by: f[.admin])
        let late = try await f.world.actor(.leadClerk)
        await #expect(throws: ThiduaError.denied(.notOnRoster)) {
            try await f.council.vote(.approve, on: b, in: session.id, version: 0, by: late)
        }
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_votes (session_id, nomination_id, member_id, choice)
            VALUES (\(session.id), \(b), \(late.userID), 'approve')
            """, as: late, in: .councilMember) == "TD020")
        #expect(try await f.council.session(session.id, as: f[.secretary]).roster.count == 3)

        // A recused member's vote is refused, by the policy and by the database.
        await #expect(throws: ThiduaError.denied(.recused)) {
            try await f.council.vote(.approve, on: a, in: session.id, version: 0, by: f[.member2])
        }
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_votes (session_id, nomination_id, member_id, choice)
            VALUES (\(session.id), \(a), \(id(.member2)), 'approve')
            """, as: f[.member2], in: .councilMember) == "TD021")

        // A member recuses themselves with a reason, before voting; a recusal after voting is refused.
        let recusal = try await f.council.recuse(from: b, in: session.id, reason: "Có quan hệ gia đình với người được đề nghị", by: f[.member])
        #expect(recusal.byDefault == false && recusal.reason.hasPrefix("Có quan hệ"))
        await #expect(throws: ThiduaError.denied(.recused)) {
            try await f.council.vote(.approve, on: b, in: session.id, version: 0, by: f[.member])
        }
        _ = try await f.council.vote(.reject, on: b, in: session.id, version: 0, by: f[.chairman])
        await #expect(throws: ThiduaError.council(.recusalAfterVote)) {
            try await f.council.recuse(from: b, in: session.id, reason: "Đổi ý", by: f[.chairman])
        }
        await #expect(throws: ThiduaError.reasonRequired) {
            try await f.council.recuse(from: a, in: session.id, reason: "  ", by: f[.member])
        }

        // A vote changes until the close, each change a new version; a stale version is a conflict.
        var vote = try await f.council.vote(.reject, on: a, in: session.id, version: 0, by: f[.member])
        vote = try await f.council.vote(.approve, comment: "Thành tích tiêu biểu, có sức lan tỏa", on: a, in: session.id, version: vote.version, by: f[.member])
        #expect(vote.version == 2 && vote.choice == .approve && vote.comment == "Thành tích tiêu biểu, có sức lan tỏa")
        await #expect(throws: ThiduaError.staleVersion(expected: 1, current: 2)) {
            try await f.council.vote(.abstain, on: a, in: session.id, version: 1, by: f[.member])
        }
        // A second first vote (a double tap, another tab) is told the vote is in, not that someone changed it.
        await #expect(throws: ThiduaError.council(.alreadyVoted)) {
            try await f.council.vote(.abstain, on: a, in: session.id, version: 0, by: f[.member])
        }
        _ = try await f.council.vote(.approve, on: a, in: session.id, version: 0, by: f[.chairman])
        _ = try await f.council.vote(.approve, on: b, in: session.id, version: 0, by: f[.member2])
        let history = try await f.world.audit.history(
            of: "council_votes", id: "\(session.id.uuidString.lowercased())/\(a.uuidString.lowercased())/\(id(.member).uuidString.lowercased())",
            as: f[.auditor])
        #expect(history.map(\.action) == ["council.vote", "council.change_vote"])
        #expect(history.map { $0.after?.contains(#""choice": "reject""#) } == [true, false])
        #expect(history.last?.after?.contains(#""choice": "approve""#) == true)

        // member2, recused from `a`, does not see the others' votes and comments on it while the session is open.
        let seenByRecused = try await f.council.session(session.id, as: f[.member2])
        #expect(seenByRecused.item(a)?.votes.isEmpty == true)
        #expect(Set(seenByRecused.item(b)?.votes.map(\.memberID) ?? []) == [id(.chairman), id(.member2)])
        #expect(try await f.council.session(session.id, as: f[.secretary]).item(a)?.votes.count == 2)

        // The close tallies each item by the standard rule (quorum 2/3, more than half of those present).
        session = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        #expect(session.state == .closed && session.closedBy == id(.secretary))
        // a: three members, member2 recused and out of the base; member and chairman both approve.
        #expect(session.item(a)?.tally == CouncilTally(members: 3, recused: 1, approve: 2, reject: 0, abstain: 0, chairmanVote: .approve))
        #expect(session.item(a)?.outcome == .approved)
        // b: chairman and member2 eligible (member recused), one each way: a tie is not more than half.
        #expect(session.item(b)?.tally == CouncilTally(members: 3, recused: 1, approve: 1, reject: 1, abstain: 0, chairmanVote: .reject))
        #expect(session.item(b)?.outcome == .rejected)
        #expect(try await f.world.nominations.get(a, as: f[.secretary]).state == .approved)
        #expect(try await f.world.nominations.get(b, as: f[.secretary]).state == .rejected)
        // Who voted how is kept (an open ballot), and now member2 reads it too.
        let afterClose = try await f.council.session(session.id, as: f[.member2])
        #expect(afterClose.item(a)?.votes.first { $0.memberID == id(.member) }?.comment == "Thành tích tiêu biểu, có sức lan tỏa")

        // Nothing changes after the close, in Swift or in SQL.
        await #expect(throws: ThiduaError.council(.sessionClosed)) {
            try await f.council.vote(.reject, on: a, in: session.id, version: 2, by: f[.member])
        }
        #expect(try await f.refusal(of: """
            UPDATE thidua.council_votes SET choice = 'reject', version = version + 1
            WHERE session_id = \(session.id) AND nomination_id = \(a) AND member_id = \(id(.member))
            """, as: f[.member], in: .councilMember) == "TD022")
        await #expect(throws: ThiduaError.council(.sessionClosed)) {
            try await f.council.close(session.id, version: session.version, by: f[.secretary])
        }
    }

    @Test("only verified nominations of the round go before the council, one open session at a time, opened and closed by the secretariat")
    func openingRules() async throws {
        let f = try await CouncilFixture.make()
        let verified = try await f.verified("Lò Thị Mai")
        let submitted = try await f.world.nominations.perform(
            .submit, on: try await f.world.nominations.create(f.world.draft(name: "Vàng A Dếnh"), by: f[.clerkB]).id, version: 1, by: f[.headB])
        await #expect(throws: ThiduaError.wrongState(WorkflowRefusal(state: .submitted, event: .putBeforeCouncil))) {
            try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [verified.id, submitted.id], by: f[.secretary])
        }
        for person in [Person.member, .chairman, .clerkB] {
            await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
                try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [verified.id], by: f[person])
            }
        }
        await #expect(throws: ThiduaError.denied(.readOnly)) {
            try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [verified.id], by: f[.auditor])
        }
        let session = try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [verified.id], by: f[.secretary])
        await #expect(throws: ThiduaError.wrongState(WorkflowRefusal(state: .inReview, event: .putBeforeCouncil))) {
            try await f.council.open(round: f.world.round, title: "Phiên thứ hai", nominations: [verified.id], by: f[.secretary])
        }
        await #expect(throws: ThiduaError.denied(.readOnly)) {
            try await f.council.close(session.id, version: session.version, by: f[.auditor])
        }
        #expect(try await f.council.session(session.id, as: f[.auditor]).items.count == 1)
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat, .chairman, .councilMember, .auditor]))) {
            try await f.council.session(session.id, as: f[.clerkB])
        }
    }

    @Test("the database keeps the session's rules whatever SQL the application sends")
    func databaseRefusesWhatThePolicyRefuses() async throws {
        let f = try await CouncilFixture.make()
        let nomination = try await f.verified("Lò Thị Mai")
        let session = try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [nomination.id], by: f[.secretary])
        let secretary = f[.secretary]
        // The roster is frozen: no one inserts into it, nor freezes it again.
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_roster VALUES (\(session.id), \(f.world.users[.leadHead]!), \(f.world.leadDepartment), false, true)
            """, as: secretary, in: .secretariat) == "42501")
        #expect(try await f.refusal(of: "SELECT thidua.freeze_council_roster(\(session.id), '{}')", as: secretary, in: .secretariat) == "TD002")
        // No item is added to an open session, and the outcome is the tally's, never set by hand.
        let other = try await f.verified("Vàng A Dếnh")
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_session_items (session_id, nomination_id) VALUES (\(session.id), \(other.id))
            """, as: secretary, in: .secretariat) == "TD002")
        #expect(try await f.refusal(of: """
            UPDATE thidua.nominations SET state = 'approved', version = version + 1 WHERE id = \(nomination.id)
            """, as: secretary, in: .secretariat) == "TD002")
        #expect(try await f.refusal(of: """
            UPDATE thidua.nominations SET state = 'in_review', version = version + 1 WHERE id = \(other.id)
            """, as: secretary, in: .secretariat) == "TD002")
        #expect(try await f.refusal(of: """
            UPDATE thidua.council_session_items SET tallied_at = now() WHERE session_id = \(session.id)
            """, as: secretary, in: .secretariat) == "TD002")
        // A member votes only for themselves, and only a member does.
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_votes (session_id, nomination_id, member_id, choice)
            VALUES (\(session.id), \(nomination.id), \(f.world.users[.chairman]!), 'approve')
            """, as: f[.member], in: .councilMember) == "TD002")
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_votes (session_id, nomination_id, member_id, choice)
            VALUES (\(session.id), \(nomination.id), \(secretary.userID), 'approve')
            """, as: secretary, in: .secretariat) == "TD020")
    }

    // MARK: - The rule, through the close

    @Test("outcomes of the close follow the session's rule: the whole roster as the base, recusals, written votes, ties, abstentions (the cases of CouncilRuleTests, each citing its rule)",
          arguments: CouncilRuleTests.cases)
    func closeFollowsTheRule(_ example: CouncilRuleTests.Case) async throws {
        let f = try await CouncilFixture.make(poolSize: 2)
        let tally = example.tally
        // The roster is everyone of the area holding council_member or chairman: the world's three and as many more
        // as the case has members.
        let extra = try await f.addMembers(tally.members - 3)
        let nomination = try await f.verified("Lò Thị Mai")
        let rule = try await f.council.addRule(
            example.rule, code: "truong-hop-thu", name: "Quy tắc của trường hợp thử", validFrom: Date(), by: f[.secretary])

        // Meeting votes first (the chairman's first when the case names it, the chairman last of all when ties
        // follow the chairman and the case has no chairman's vote), then written votes of excused members, then
        // recusals; everyone left is excused and silent.
        let chairmanSits = tally.chairmanVote != nil || example.rule.tieBreak == .notApproved
        let everyone = (chairmanSits ? [f[.chairman]] : []) + [f[.member], f[.member2]] + extra + (chairmanSits ? [] : [f[.chairman]])
        var choices = Array(repeating: VoteChoice.approve, count: tally.approve) + Array(repeating: .reject, count: tally.reject)
            + Array(repeating: .abstain, count: tally.abstain)
        if let chairman = tally.chairmanVote {
            choices.remove(at: choices.firstIndex(of: chairman)!)
            choices.insert(chairman, at: 0)
        }
        let written = Array(repeating: VoteChoice.approve, count: tally.written.approve)
            + Array(repeating: .reject, count: tally.written.reject) + Array(repeating: .abstain, count: tally.written.abstain)
        let voters = Array(everyone.prefix(choices.count))
        let writers = Array(everyone.dropFirst(choices.count).prefix(written.count))
        let recusers = Array(everyone.dropFirst(choices.count + written.count).prefix(tally.recused))
        let silent = everyone.dropFirst(choices.count + written.count + tally.recused)
        let session = try await f.council.open(
            round: f.world.round, title: "Phiên thử: \(example.why)", nominations: [nomination.id], rule: rule,
            excused: Set((writers + silent).map(\.userID)), by: f[.secretary])
        #expect(session.rule == example.rule)
        #expect(session.roster.count == tally.members)
        for (member, choice) in zip(voters, choices) {
            _ = try await f.council.vote(choice, on: nomination.id, in: session.id, version: 0, by: member)
        }
        for member in recusers {
            _ = try await f.council.recuse(from: nomination.id, in: session.id, reason: "Trường hợp thử: rút khỏi xét", by: member)
        }
        for (member, choice) in zip(writers, written) {
            if example.rule.writtenVotesAllowed {
                _ = try await f.council.vote(choice, on: nomination.id, in: session.id, version: 0, by: member)
            } else {
                // A rule without written votes: the excused member is refused, by the policy and by the database.
                await #expect(throws: ThiduaError.denied(.notOnRoster)) {
                    try await f.council.vote(choice, on: nomination.id, in: session.id, version: 0, by: member)
                }
                #expect(try await f.refusal(of: """
                    INSERT INTO thidua.council_votes (session_id, nomination_id, member_id, choice)
                    VALUES (\(session.id), \(nomination.id), \(member.userID), \(choice.rawValue))
                    """, as: member, in: .councilMember) == "TD020")
            }
        }
        let closed = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        let item = try #require(closed.item(nomination.id))
        #expect(item.outcome == example.expected, "\(example.why)")
        // What the database keeps: written votes refused where the rule takes none; under a secret ballot counted
        // among the others.
        var kept = tally
        if !example.rule.writtenVotesAllowed {
            kept.written = .init()
        } else if example.rule.ballot == .secret {
            kept = CouncilTally(
                members: tally.members, recused: tally.recused, approve: tally.approve + tally.written.approve,
                reject: tally.reject + tally.written.reject, abstain: tally.abstain + tally.written.abstain)
        }
        let stored = try #require(item.tally)
        let counts: (CouncilTally) -> [Int] = { [$0.members, $0.recused, $0.approve, $0.reject, $0.abstain] }
        #expect(counts(stored) == counts(kept))
        #expect(stored.written == kept.written && stored.eligible == kept.members - kept.recused)
        if example.rule.tieBreak == .chairmanSide, tally.chairmanVote != nil {
            #expect(stored.chairmanVote == tally.chairmanVote)
        }
        // The database's arithmetic and the Swift rule agree on the stored tally.
        #expect(example.rule.outcome(of: stored) == item.outcome)
        let state = try await f.world.nominations.get(nomination.id, as: f[.secretary]).state
        #expect(state == [CouncilOutcome.approved: .approved, .rejected: .rejected, .noQuorum: NominationState.verified][example.expected])
    }

    // MARK: - Secret ballot

    @Test("a secret ballot never shows who voted how — not to the secretariat, the chairman, an auditor or a member, in no table and not in the audit trail's JSON — while counts are right and a vote may change until the close")
    func secretBallotLeavesNoLink() async throws {
        let f = try await CouncilFixture.make()
        let first = try await f.verified("Lò Thị Mai")
        let second = try await f.verified("Sùng A Páo")
        let (a, b) = (first.id, second.id)
        let secret = try #require(try await f.council.rules(as: f[.secretary]).first { $0.code == "ninety-percent-secret" })
        #expect(secret.rule == .ninetyPercentSecret && secret.areaID == nil)
        var session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét danh hiệu Chiến sĩ thi đua", nominations: [a, b], rule: secret.id, by: f[.secretary])
        #expect(session.rule.ballot == .secret)

        // A member casts, then changes, their secret vote; what comes back is participation only.
        var vote = try await f.council.vote(.approve, on: a, in: session.id, version: 0, by: f[.member])
        #expect(vote.choice == nil && vote.version == 1)
        vote = try await f.council.vote(.reject, on: a, in: session.id, version: 1, by: f[.member])
        #expect(vote.choice == nil && vote.version == 2)
        await #expect(throws: ThiduaError.staleVersion(expected: 1, current: 2)) {
            try await f.council.vote(.approve, on: a, in: session.id, version: 1, by: f[.member])
        }
        await #expect(throws: ThiduaError.invalid(field: "comment", vietnamese: "Bỏ phiếu kín không kèm ý kiến.", english: "A secret ballot carries no comment.")) {
            try await f.council.vote(.approve, comment: "Đồng ý", on: b, in: session.id, version: 0, by: f[.member])
        }
        _ = try await f.council.vote(.approve, on: a, in: session.id, version: 0, by: f[.chairman])
        _ = try await f.council.vote(.approve, on: a, in: session.id, version: 0, by: f[.member2])
        _ = try await f.council.vote(.reject, on: b, in: session.id, version: 0, by: f[.member2])

        // The open-ballot path and the ballots themselves are closed to everyone but thidua_definer.
        #expect(try await f.refusal(of: """
            INSERT INTO thidua.council_votes (session_id, nomination_id, member_id, choice)
            VALUES (\(session.id), \(b), \(f.world.users[.chairman]!), 'approve')
            """, as: f[.chairman], in: .chairman) == "TD023")
        for (person, role) in [(Person.secretary, Role.secretariat), (.member, .councilMember), (.auditor, .auditor)] {
            #expect(try await f.refusal(of: "SELECT count(*) FROM thidua.council_sealed_ballots", as: f[person], in: role) == "42501")
        }
        #expect(try await f.refusal(of: "SELECT thidua.cast_secret_vote(\(session.id), \(b), '\\x000000000000000000000000', 0)", as: f[.secretary], in: .secretariat) == "TD008")
        #expect(try await f.refusal(of: "SELECT thidua.tally_secret_ballots(\(session.id), '{}', '{}', '{}', '{}')", as: f[.secretary], in: .secretariat) == "TD002")
        #expect(try await f.refusal(of: "SELECT * FROM thidua.sealed_ballots(\(session.id))", as: f[.secretary], in: .secretariat) == "TD002")
        let voters = [Person.member, .chairman, .member2].map { f.world.users[$0]!.uuidString.lowercased() }
        try await expectNoLink(f, voters: voters, readers: [(.secretary, .secretariat)])

        session = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        // a: 2 of 3 members approve (the member's changed vote counted as a rejection): short of 90% of all members.
        #expect(session.item(a)?.tally == CouncilTally(members: 3, approve: 2, reject: 1, abstain: 0))
        #expect(session.item(a)?.outcome == .rejected)
        // b: one of three took part, short of the 2/3 quorum: verified again, for another session.
        #expect(session.item(b)?.tally == CouncilTally(members: 3, approve: 0, reject: 1, abstain: 0))
        #expect(session.item(b)?.outcome == .noQuorum)
        #expect(try await f.world.nominations.get(b, as: f[.secretary]).state == .verified)
        // Participation is on record; choices are not, for anyone.
        #expect(session.item(a)?.votes.map(\.memberID).count == 3)
        #expect(session.items.flatMap(\.votes).allSatisfy { $0.choice == nil && $0.comment == nil })

        try await expectNoLink(f, voters: voters, readers: [
            (.secretary, .secretariat), (.chairman, .chairman), (.auditor, .auditor), (.member, .councilMember), (.member2, .councilMember),
        ])
        // The auditor's read-only database role reads no more.
        let asReader = try await f.everythingReadable(as: f[.auditor], in: .auditor, user: "thidua_reader")
        #expect(Self.links(in: asReader, voters: voters).isEmpty)
        // What the database keeps of the choices is sealed: every sealed value differs, including the two items the
        // same member approved, and none opens without the server's key.
        let sealed = try await f.world.superuser { connection in
            try await connection.query("SELECT sealed FROM thidua.council_sealed_ballots").map { try $0.decode(Data.self, at: 0) }
        }
        #expect(sealed.count == 4 && Set(sealed).count == 4)
        let grantees = try await f.world.superuser { connection in
            try await connection.query("""
                SELECT r || ' ' || t FROM unnest(ARRAY['thidua_app', 'thidua_reader']) r,
                       unnest(ARRAY['thidua.council_secret_ballots', 'thidua.council_ballot_secrets', 'thidua.council_sealed_ballots']) t
                WHERE has_table_privilege(r, t, 'SELECT')
                """).map { try $0.decode(String.self, at: 0) }
        }
        #expect(grantees.isEmpty, "roles that may read secret ballots: \(grantees)")
    }

    /// What each reader may read, every table and every audit event's JSON, holds no row naming a voter beside a choice.
    private func expectNoLink(_ f: CouncilFixture, voters: [String], readers: [(Person, Role)]) async throws {
        for (person, role) in readers {
            let texts = try await f.everythingReadable(as: f[person], in: role)
            #expect(texts.contains { text in voters.contains { text.contains($0) } }, "\(person) should at least see who took part")
            let links = Self.links(in: texts, voters: voters)
            #expect(links.isEmpty, "\(person) reads a voter beside a choice: \(links)")
        }
        let overseen = try await f.everythingReadable(as: f[.secretary], in: .secretariat)
        #expect(overseen.contains { $0.contains("council_votes") }, "the secretariat reads the votes' audit events, so the search means something")
    }

    private static func links(in texts: [String], voters: [String]) -> [String] {
        let choices = VoteChoice.allCases.map { "\"\($0.rawValue)\"" }
        return texts.filter { text in voters.contains { text.contains($0) } && choices.contains { text.contains($0) } }
    }

    // MARK: - Races

    @Test("ten members voting on one nomination at once all succeed, and every vote is counted")
    func membersVoteAtOnce() async throws {
        let f = try await CouncilFixture.make(poolSize: 10)
        let members = [f[.member], f[.chairman], f[.member2]] + (try await f.addMembers(7))
        let nomination = try await f.verified("Lò Thị Mai")
        let session = try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [nomination.id], by: f[.secretary])
        let barrier = Barrier(parties: members.count)
        let outcomes = await withTaskGroup(of: Result<CouncilVote, any Error>.self) { group in
            for member in members {
                group.addTask {
                    await barrier.arrive()
                    return await Result { try await f.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: member) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.allSatisfy { (try? $0.get()) != nil }, "\(outcomes)")
        let closed = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        #expect(closed.item(nomination.id)?.tally?.approve == members.count)
        #expect(closed.item(nomination.id)?.outcome == .approved)
    }

    @Test("one member voting in two sessions at once succeeds in both")
    func oneMemberInTwoSessions() async throws {
        let f = try await CouncilFixture.make()
        let first = try await f.verified("Lò Thị Mai")
        let second = try await f.verified("Sùng A Páo")
        let morning = try await f.council.open(round: f.world.round, title: "Phiên sáng", nominations: [first.id], by: f[.secretary])
        let afternoon = try await f.council.open(round: f.world.round, title: "Phiên chiều", nominations: [second.id], by: f[.secretary])
        let member = f[.member]
        let barrier = Barrier(parties: 2)
        async let inMorning = Result {
            await barrier.arrive()
            return try await f.council.vote(.approve, on: first.id, in: morning.id, version: 0, by: member)
        }
        async let inAfternoon = Result {
            await barrier.arrive()
            return try await f.council.vote(.reject, on: second.id, in: afternoon.id, version: 0, by: member)
        }
        let votes = try await [inMorning.get(), inAfternoon.get()]
        #expect(votes.map(\.choice) == [.approve, .reject] && votes.allSatisfy { $0.version == 1 })
        #expect(try await f.council.session(morning.id, as: member).item(first.id)?.votes.map(\.choice) == [.approve])
        #expect(try await f.council.session(afternoon.id, as: member).item(second.id)?.votes.map(\.choice) == [.reject])
    }

    @Test("one member changing one vote twice at once: one change wins, the other is told the vote changed")
    func oneChangeWins() async throws {
        let f = try await CouncilFixture.make()
        let nomination = try await f.verified("Lò Thị Mai")
        let session = try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [nomination.id], by: f[.secretary])
        let member = f[.member]
        _ = try await f.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: member)
        let barrier = Barrier(parties: 2)
        let outcomes = await withTaskGroup(of: Result<CouncilVote, any Error>.self) { group in
            for choice in [VoteChoice.reject, .abstain] {
                group.addTask {
                    await barrier.arrive()
                    return await Result { try await f.council.vote(choice, on: nomination.id, in: session.id, version: 1, by: member) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.compactMap { try? $0.get() }
        let stale = outcomes.filter {
            if case .failure(let error) = $0, error as? ThiduaError == .staleVersion(expected: 1, current: 2) { true } else { false }
        }
        #expect(winners.count == 1 && stale.count == 1)
        let now = try await f.council.session(session.id, as: member).item(nomination.id)?.votes.first
        #expect(now?.version == 2 && now?.choice == winners.first?.choice)
    }

    @Test("a close racing votes: each vote is counted or refused as closed, never lost", arguments: [CouncilRule.Ballot.open, .secret])
    func closeRacesVotes(_ ballot: CouncilRule.Ballot) async throws {
        let f = try await CouncilFixture.make(poolSize: 12)
        let members = [f[.member], f[.chairman], f[.member2]] + (try await f.addMembers(7))
        let nomination = try await f.verified("Lò Thị Mai")
        let rule = try await f.council.rules(as: f[.secretary]).first { $0.rule.ballot == ballot }?.id
        let session = try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [nomination.id], rule: rule, by: f[.secretary])
        let barrier = Barrier(parties: members.count + 1)
        let (votes, closed) = try await withThrowingTaskGroup(of: (Result<CouncilVote, any Error>?, CouncilSession?).self) { group in
            for member in members {
                group.addTask {
                    await barrier.arrive()
                    return (await Result { try await f.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: member) }, nil)
                }
            }
            group.addTask {
                await barrier.arrive()
                // A moment's head start, so that some votes land before the close and some after.
                try await Task.sleep(for: .milliseconds(40))
                return (nil, try await f.council.close(session.id, version: session.version, by: f[.secretary]))
            }
            var votes: [Result<CouncilVote, any Error>] = []
            var closed: CouncilSession?
            for try await (vote, session) in group {
                if let vote { votes.append(vote) }
                if let session { closed = session }
            }
            return (votes, try #require(closed))
        }
        let counted = votes.filter { (try? $0.get()) != nil }.count
        let refused = votes.filter { if case .failure(let error) = $0 { error as? ThiduaError == .council(.sessionClosed) } else { false } }.count
        #expect(counted + refused == members.count, "\(votes)")
        #expect(closed.item(nomination.id)?.tally?.approve == counted)
        let participation = try await f.world.superuser { connection in
            try await connection.query("SELECT count(*) FROM thidua.council_votes WHERE session_id = \(session.id)").single()!.decode(Int.self, at: 0)
        }
        #expect(participation == counted)
    }
}
