import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The minutes of a council session against a real PostgreSQL (issue 4 §6): who sat and who was there, the rule
/// in words, each nomination's votes (open ballot) or counts only (secret ballot), recomputed from the raw rows;
/// a draft while the session is open; read only by the council and its overseers.
@Suite("CouncilMinutesTests")
struct CouncilMinutesTests {
    typealias Person = RecordsWorld.Person

    @Test("open ballot: the minutes list each member's vote and a tally that match the raw council_votes rows, with recusals, attendance, chair and secretary")
    func openBallotMinutes() async throws {
        let f = try await CouncilFixture.make()
        let ofCommuneA = try await f.verified("Lò Thị Mai", ofCommuneA: true)
        let ofCommuneB = try await f.verified("Sùng A Páo")
        let (a, b) = (ofCommuneA.id, ofCommuneB.id)
        let extra = try await f.addMembers(4)
        let (absentee, excused, sixth, seventh) = (extra[0], extra[1], extra[2], extra[3])
        let session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét khen thưởng năm 2021", nominations: [a, b], excused: [excused.userID],
            by: f[.secretary])
        _ = try await f.council.vote(.approve, comment: "Thành tích tiêu biểu", on: a, in: session.id, version: 0, by: f[.member])
        _ = try await f.council.vote(.reject, on: a, in: session.id, version: 0, by: f[.chairman])
        _ = try await f.council.vote(.reject, on: a, in: session.id, version: 0, by: sixth)
        _ = try await f.council.vote(.reject, on: a, in: session.id, version: 0, by: seventh)
        _ = try await f.council.vote(.approve, on: b, in: session.id, version: 0, by: f[.member])
        _ = try await f.council.vote(.approve, on: b, in: session.id, version: 0, by: f[.chairman])
        _ = try await f.council.vote(.abstain, on: b, in: session.id, version: 0, by: f[.member2])
        _ = try await f.council.vote(.approve, on: b, in: session.id, version: 0, by: sixth)
        _ = try await f.council.vote(.approve, on: b, in: session.id, version: 0, by: seventh)
        let closed = try await f.council.close(session.id, version: session.version, by: f[.secretary])

        let minutes = try await f.council.minutes(session.id, as: f[.secretary])
        #expect(!minutes.isDraft && minutes.draftMark == nil && minutes.closedAt == closed.closedAt && minutes.closed != nil)
        #expect(minutes.issuingBody == "Hội đồng Thi đua - Khen thưởng huyện" && minutes.place == "Huyện Thử Nghiệm")
        #expect(minutes.sessionTitle == "Phiên họp xét khen thưởng năm 2021" && minutes.sessionNumber == 1)
        #expect(minutes.opened.contains(" giờ ") && minutes.opened.contains(" phút, ngày ") && minutes.opened.contains(" tháng "))
        #expect(minutes.chair == "Vũ Đình Khoa" && minutes.secretary == "Phạm Thu Trang")
        #expect(!minutes.secretBallot && minutes.rule.contains { $0.contains("công khai") })
        #expect(minutes.rule.first == "Biểu quyết khi có ít nhất 2/3 tổng số thành viên Hội đồng (kể cả thành viên vắng mặt) tham gia.")
        #expect(minutes.rule.last == "Căn cứ: \(CouncilRule.standard.legalBasis).")

        // Attendance: the chairman first; present = voted (or recused themselves); the excused member is absent
        // but still one of the council's members.
        let id = { (person: Person) in f.world.users[person]! }
        #expect(minutes.members.first?.memberID == id(.chairman) && minutes.members.first?.isChairman == true)
        let attendance = Dictionary(uniqueKeysWithValues: minutes.members.map { ($0.memberID, $0.attendance) })
        #expect(attendance == [id(.chairman): .present, id(.member): .present, id(.member2): .present,
                               absentee.userID: .absent, excused.userID: .excused, sixth.userID: .present,
                               seventh.userID: .present])
        #expect(minutes.memberCount == 7 && minutes.excusedCount == 1 && minutes.presentCount == 5)

        // Each item: its tally, and each member's vote, exactly the raw rows.
        let raw = try await f.rawVotes(in: session.id)
        #expect(minutes.items.map(\.nomineeName) == ["Lò Thị Mai", "Sùng A Páo"] && minutes.items.map(\.number) == [1, 2])
        for item in minutes.items {
            let rows = raw.filter { $0.nomination == item.nominationID }
            let tally = try #require(item.tally)
            #expect(tally.approve == rows.filter { $0.choice == .approve }.count)
            #expect(tally.reject == rows.filter { $0.choice == .reject }.count)
            #expect(tally.abstain == rows.filter { $0.choice == .abstain }.count)
            #expect(tally == closed.item(item.nominationID)?.tally)
            #expect(Set(item.votes.map { "\($0.memberID) \($0.choice)" }) == Set(rows.map { "\($0.member) \($0.choice!)" }))
            #expect(item.movementName == "Cả nước chung sức xây dựng nông thôn mới" && item.proposal == "Cá nhân điển hình tiên tiến")
        }
        let first = minutes.items[0], second = minutes.items[1]
        #expect(first.unitName == "UBND xã Sín Chải" && second.unitName == "UBND xã Tả Phìn")
        // a: member2's own commune, recused by default; 7 members (the excused one included) less the recused one:
        // 4 of 6 take part, exactly 2/3, and 1 of 4 approves.
        #expect(first.recusals.map(\.memberID) == [id(.member2)] && first.recusals.first?.byDefault == true)
        #expect(first.tally?.eligible == 6 && first.outcome == .rejected && first.outcomeText == "Không thông qua.")
        #expect(first.votes.first { $0.memberID == id(.member) }?.comment == "Thành tích tiêu biểu")
        #expect(first.votes.first { $0.memberID == id(.chairman) }?.choiceText == "Không tán thành")
        // b: 5 of 7 take part, more than 2/3; 4 of the 5 approve.
        #expect(second.tally == CouncilTally(members: 7, approve: 4, reject: 0, abstain: 1, chairmanVote: .approve))
        #expect(second.outcome == .approved
            && second.tallyText == "Thành viên Hội đồng: 7; rút khỏi xét: 0; tán thành: 4; không tán thành: 0; không biểu quyết: 1.")
        // A council member reads the same minutes once the session is closed.
        #expect(try await f.council.minutes(session.id, as: f[.member2]) == minutes)
    }

    @Test("secret ballot: the minutes hold the counts, which match the ballots, and nothing ties a member to a choice, for any reader")
    func secretBallotMinutes() async throws {
        let f = try await CouncilFixture.make()
        let first = try await f.verified("Lò Thị Mai")
        let second = try await f.verified("Sùng A Páo")
        let secret = try #require(try await f.council.rules(as: f[.secretary]).first { $0.code == "ninety-percent-secret" })
        let session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét danh hiệu Chiến sĩ thi đua", nominations: [first.id, second.id], rule: secret.id,
            by: f[.secretary])
        for (member, choice) in [(Person.member, VoteChoice.approve), (.chairman, .reject), (.member2, .abstain)] {
            _ = try await f.council.vote(choice, on: first.id, in: session.id, version: 0, by: f[member])
            _ = try await f.council.vote(.approve, on: second.id, in: session.id, version: 0, by: f[member])
        }
        let closed = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        // What was cast: the first item one of each choice, the second three approvals. The database holds them
        // sealed only (0033), so the expected counts come from here.
        let ballots: [(UUID, String, Int)] = [(first.id, "approve", 1), (first.id, "reject", 1), (first.id, "abstain", 1), (second.id, "approve", 3)]
        let participation = try await f.rawVotes(in: session.id)
        let members = [Person.member, .chairman, .member2].map { f.world.users[$0]! }

        for person in [Person.secretary, .chairman, .auditor, .member] {
            let minutes = try await f.council.minutes(session.id, as: f[person])
            #expect(minutes.secretBallot && minutes.rule.contains { $0.contains("bỏ phiếu kín") })
            #expect(minutes.presentCount == 3)
            for item in minutes.items {
                #expect(item.votes.isEmpty)
                let tally = try #require(item.tally)
                let counted = ballots.filter { $0.0 == item.nominationID }
                for choice in VoteChoice.allCases {
                    let expected = counted.first { $0.1 == choice.rawValue }?.2 ?? 0
                    #expect([VoteChoice.approve: tally.approve, .reject: tally.reject, .abstain: tally.abstain][choice] == expected)
                }
                #expect(tally.present == participation.filter { $0.nomination == item.nominationID }.count)
                #expect(tally == closed.item(item.nominationID)?.tally && tally.chairmanVote == nil)
            }
            let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(minutes))
            let names = minutes.members.map(\.name)
            let links = Self.objects(in: json).filter { object in
                let values = object.values.compactMap { $0 as? String }
                let namesMember = values.contains { value in names.contains(value) || members.contains { $0.uuidString == value } }
                let namesChoice = object.keys.contains { $0 == "choice" || $0 == "choiceText" }
                    || values.contains { value in VoteChoice.allCases.contains { $0.rawValue == value } }
                return namesMember && namesChoice
            }
            #expect(links.isEmpty, "\(person) reads a member beside a choice: \(links)")
            #expect(minutes.members.count == 3)
        }
    }

    @Test("an open session's minutes are a draft, marked DỰ THẢO, without tallies or outcomes")
    func openSessionIsDraft() async throws {
        let f = try await CouncilFixture.make()
        let nomination = try await f.verified("Sùng A Páo")
        let session = try await f.council.open(round: f.world.round, title: "Phiên họp đang diễn ra", nominations: [nomination.id], by: f[.secretary])
        _ = try await f.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: f[.member])
        let minutes = try await f.council.minutes(session.id, as: f[.chairman])
        #expect(minutes.isDraft && minutes.draftMark == "DỰ THẢO" && minutes.closed == nil && minutes.closedAt == nil)
        #expect(minutes.items.count == 1 && minutes.items.allSatisfy { $0.tally == nil && $0.outcome == nil })
        #expect(minutes.items.first?.outcomeText == "Chưa kiểm phiếu (phiên họp chưa kết thúc).")
        #expect(minutes.items.first?.votes.map(\.memberID) == [f.world.users[.member]!])
        #expect(minutes.presentCount == 1 && minutes.members.count == 3)
    }

    @Test("only the secretariat, council members, the chairman and auditors read the minutes; an unknown session is not found")
    func whoReadsTheMinutes() async throws {
        let f = try await CouncilFixture.make()
        let nomination = try await f.verified("Sùng A Páo")
        let session = try await f.council.open(round: f.world.round, title: "Phiên họp", nominations: [nomination.id], by: f[.secretary])
        for person in [Person.clerkB, .headB, .leadHead, .admin] {
            await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat, .chairman, .councilMember, .auditor])), "\(person)") {
                try await f.council.minutes(session.id, as: f[person])
            }
        }
        for person in [Person.secretary, .member, .chairman, .auditor] {
            #expect(try await f.council.minutes(session.id, as: f[person]).sessionID == session.id)
        }
        await #expect(throws: ThiduaError.notFound("phiên họp Hội đồng / council session")) {
            try await f.council.minutes(UUID(), as: f[.secretary])
        }
    }

    /// Every JSON object in `value`, nested ones included.
    private static func objects(in value: Any) -> [[String: Any]] {
        switch value {
        case let object as [String: Any]: [object] + object.values.flatMap(objects(in:))
        case let array as [Any]: array.flatMap(objects(in:))
        default: []
        }
    }
}
