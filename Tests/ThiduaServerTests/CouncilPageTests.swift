import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// The council's pages over real HTTP and a real database: the secretariat opens a session choosing verified
/// nominations by name, members vote and recuse from the page (a second vote told "đã bỏ phiếu"), the close
/// shows the council's count in Vietnamese, and a secret ballot shows no member beside a choice.
@Suite("CouncilPageTests")
struct CouncilPageTests {
    static func pages(_ api: APIClient, _ person: RecordsWorld.Person) async throws -> PageClient {
        PageClient(api: api, session: try await api.signIn(person))
    }

    static func opened(_ secretary: PageClient, round: UUID, nominations: [UUID], rule: String = "") async throws -> String {
        let form = try await secretary.get("/hoi-dong/moi?dot=\(round.lower)")
        let token = try #require(PageClient.csrf(in: form.text))
        let reply = try await secretary.post("/hoi-dong/moi", [("_csrf", token), ("dot", round.lower), ("title", "Phiên họp thử"), ("rule", rule)]
            + nominations.map { ("ho-so", $0.lower) })
        #expect(reply.status == .seeOther)
        let location = try #require(reply.headers[.location])
        return String(try #require(location.firstMatch(of: /^\/hoi-dong\/([0-9a-f-]{36})\?ok=mo-phien$/)).1)
    }

    @Test("a session opened from the page over named verified nominations; a member votes, is told a second vote is in, recuses with a reason; the close shows the tally and outcome in Vietnamese")
    func openVoteRecuseClose() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let first = try await world.verified("Lò Thị Mai")
            let second = try await world.verified("Vàng A Páo")
            let secretary = try await Self.pages(api, .secretary)

            let form = try await secretary.get("/hoi-dong/moi")
            #expect(form.status == .ok)
            #expect(form.text.contains("Lò Thị Mai") && form.text.contains("Vàng A Páo"))
            let forged = try await secretary.post("/hoi-dong/moi", [("dot", first.roundID.lower), ("title", "Giả"), ("ho-so", first.id.lower)])
            #expect(forged.status == .forbidden)
            #expect(try await world.councilReviews.sessions(as: try await world.actor(.secretary)).isEmpty)
            let noneChosen = try await secretary.post("/hoi-dong/moi", [("_csrf", try await secretary.csrf(on: "/hoi-dong/moi")),
                                                                       ("dot", first.roundID.lower), ("title", "Trống")])
            #expect(noneChosen.status == .unprocessableContent)
            #expect(noneChosen.text.contains("Phiên họp phải có ít nhất một hồ sơ."))
            let session = try await Self.opened(secretary, round: first.roundID, nominations: [first.id, second.id])
            let path = "/hoi-dong/\(session)"

            let clerk = try await Self.pages(api, .clerkA)
            #expect(try await clerk.get(path).status == .forbidden)
            let auditor = try await Self.pages(api, .auditor)
            let audited = try await auditor.get(path)
            #expect(audited.status == .ok && !audited.text.contains("name=\"choice\""))
            #expect(!audited.text.contains("/ket-thuc"))

            let member = try await Self.pages(api, .member)
            let ballot = try await member.get(path)
            #expect(ballot.text.contains("Tán thành") && ballot.text.contains("Không tán thành") && ballot.text.contains("Không biểu quyết"))
            #expect(!ballot.text.contains(first.id.uuidString.uppercased()))
            let token = try #require(PageClient.csrf(in: ballot.text))
            let cast = try await member.post("\(path)/phieu", [("_csrf", token), ("ho-so", first.id.lower), ("choice", "approve"),
                                                              ("comment", "Tiêu biểu"), ("version", "0")])
            #expect(cast.status == .seeOther)
            let again = try await member.post("\(path)/phieu", [("_csrf", token), ("ho-so", first.id.lower), ("choice", "reject"), ("version", "0")])
            #expect(again.status == .conflict)
            #expect(again.text.contains("Đồng chí đã bỏ phiếu cho hồ sơ này rồi"))
            let votes = try await world.councilReviews.session(UUID(uuidString: session)!, as: try await world.actor(.secretary))
            #expect(votes.item(first.id)?.votes.map(\.choice) == [.approve])
            let afterVote = try await member.get(path)
            #expect(afterVote.text.contains("Phiếu của đồng chí: Tán thành — ý kiến: Tiêu biểu"))
            #expect(afterVote.text.contains("Đổi phiếu"))

            let noReason = try await member.post("\(path)/rut-lui", [("_csrf", token), ("ho-so", second.id.lower), ("reason", " ")])
            #expect(noReason.status == .unprocessableContent)
            #expect(try await member.post("\(path)/rut-lui", [("_csrf", token), ("ho-so", second.id.lower), ("reason", "Có người thân")]).status == .seeOther)
            #expect(try await member.get(path).text.contains("Đồng chí không tham gia biểu quyết hồ sơ này. Lý do: Có người thân"))

            let chairman = try await Self.pages(api, .chairman)
            let chairToken = try await chairman.csrf(on: path)
            for nomination in [first, second] {
                let voted = try await chairman.post("\(path)/phieu", [("_csrf", chairToken), ("ho-so", nomination.id.lower), ("choice", "approve"), ("version", "0")])
                #expect(voted.status == .seeOther)
            }
            let member2 = try await Self.pages(api, .member2)
            let token2 = try await member2.csrf(on: path)
            for nomination in [first, second] {
                #expect(try await member2.post("\(path)/phieu", [("_csrf", token2), ("ho-so", nomination.id.lower), ("choice", "reject"), ("version", "0")]).status == .seeOther)
            }

            let before = try await secretary.get(path)
            let version = try #require(before.text.firstMatch(of: /ket-thuc">\s*<input type="hidden" name="_csrf" value="[^"]+"><input type="hidden" name="version" value="(\d+)"/)).1
            let closed = try await secretary.post("\(path)/ket-thuc", [("_csrf", try #require(PageClient.csrf(in: before.text))), ("version", String(version))])
            #expect(closed.status == .seeOther)
            let result = try await secretary.get(closed.headers[.location]!)
            #expect(result.text.contains("Đã kết thúc phiên họp và kiểm phiếu."))
            #expect(result.text.contains("tán thành: 2; không tán thành: 1"))
            #expect(result.text.contains("Thông qua: đề nghị khen thưởng."))
            #expect(result.text.contains("Hoàng Văn Thụ: Tán thành — Tiêu biểu"))
            let late = try await member.post("\(path)/phieu", [("_csrf", token), ("ho-so", first.id.lower), ("choice", "reject"), ("version", "1")])
            #expect(late.status == .conflict)
            #expect(!(try await member.get(path).text.contains("name=\"choice\"")))
            #expect(try await world.nominations.get(first.id, as: try await world.actor(.secretary)).state == .approved)
        }
    }

    @Test("under a secret ballot the page takes no comment and shows no member beside a choice, to the voter neither")
    func secretBallotShowsNoChoice() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let nomination = try await world.verified("Lò Thị Mai")
            let secret = try #require(try await world.councilReviews.rules(as: try await world.actor(.secretary)).first { $0.rule.ballot == .secret })
            let secretary = try await Self.pages(api, .secretary)
            let session = try await Self.opened(secretary, round: nomination.roundID, nominations: [nomination.id], rule: secret.id.lower)
            let path = "/hoi-dong/\(session)"
            let member = try await Self.pages(api, .member)
            let ballot = try await member.get(path)
            #expect(ballot.text.contains("Bỏ phiếu kín") && !ballot.text.contains("name=\"comment\""))
            let token = try #require(PageClient.csrf(in: ballot.text))
            #expect(try await member.post("\(path)/phieu", [("_csrf", token), ("ho-so", nomination.id.lower), ("choice", "reject"), ("version", "0")]).status == .seeOther)
            for viewer in [member, secretary] {
                let page = try await viewer.get(path).text
                #expect(!page.contains("Phiếu của đồng chí: Không tán thành"))
                #expect(!page.contains("Hoàng Văn Thụ: Không tán thành"))
            }
            #expect(try await member.get(path).text.contains("Đồng chí đã bỏ phiếu (phiếu kín"))
        }
    }

    @Test("an excused member is told they do not vote under the standard rule, and votes in writing from the page under the 90% rule")
    func excusedMemberVotesInWritingWhereTheRuleAllows() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let first = try await world.verified("Lò Thị Mai")
            let second = try await world.verified("Vàng A Páo")
            let council = world.councilReviews
            let secretary = try await world.actor(.secretary)
            let absent = try await world.actor(.member2)
            let ninety = try #require(try await council.rules(as: secretary).first { $0.code == "ninety-percent-secret" })
            let standard = try await council.open(
                round: first.roundID, title: "Phiên theo quy tắc chuẩn", nominations: [first.id], excused: [absent.userID], by: secretary)
            let written = try await council.open(
                round: second.roundID, title: "Phiên xét Chiến sĩ thi đua", nominations: [second.id], rule: ninety.id,
                excused: [absent.userID], by: secretary)
            let member2 = try await Self.pages(api, .member2)

            let excusedPage = try await member2.get("/hoi-dong/\(standard.id.lower)")
            #expect(excusedPage.text.contains("Đồng chí vắng có lý do ở phiên họp này nên không biểu quyết."))
            #expect(!excusedPage.text.contains("name=\"choice\""))

            let path = "/hoi-dong/\(written.id.lower)"
            let writtenPage = try await member2.get(path)
            #expect(writtenPage.text.contains("phiếu của đồng chí được tính là phiếu bằng văn bản"))
            let token = try #require(PageClient.csrf(in: writtenPage.text))
            let cast = try await member2.post("\(path)/phieu", [("_csrf", token), ("ho-so", second.id.lower), ("choice", "approve"), ("version", "0")])
            #expect(cast.status == .seeOther)
            #expect(try await council.session(written.id, as: secretary).item(second.id)?.votes.map(\.memberID) == [absent.userID])
        }
    }
}
