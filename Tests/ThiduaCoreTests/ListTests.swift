import Foundation
import Testing
import ThiduaCore
import ThiduaTesting

/// The lists the pages and scripts read: council sessions with what waits for the asking member's vote, and
/// decisions by state, each as far as policy and row-level security let the actor see.
@Suite("ListTests")
struct ListTests {
    typealias Person = RecordsWorld.Person

    @Test("a seated member sees how many items wait for their vote; the count falls as they vote and is 0 once closed")
    func sessionsCountWhatAwaitsTheMember() async throws {
        let f = try await CouncilFixture.make()
        let (a, b) = (try await f.verified("Hoàng Văn Một"), try await f.verified("Hoàng Văn Hai"))
        let session = try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [a.id, b.id], by: f[.secretary])

        let before = try #require(try await f.council.sessions(as: f[.member]).first { $0.id == session.id })
        #expect(before.seated && before.itemCount == 2 && before.awaitingVote == 2 && before.state == .open)
        _ = try await f.council.vote(.approve, on: a.id, in: session.id, version: 0, by: f[.member])
        #expect(try await f.council.sessions(as: f[.member]).first { $0.id == session.id }?.awaitingVote == 1)

        let secretariat = try #require(try await f.council.sessions(as: f[.secretary]).first { $0.id == session.id })
        #expect(!secretariat.seated && secretariat.awaitingVote == 0)

        _ = try await f.council.vote(.approve, on: b.id, in: session.id, version: 0, by: f[.member])
        for id in [a.id, b.id] { _ = try await f.council.vote(.approve, on: id, in: session.id, version: 0, by: f[.chairman]) }
        _ = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        let closed = try #require(try await f.council.sessions(as: f[.member]).first { $0.id == session.id })
        #expect(closed.state == .closed && closed.closedAt != nil && closed.awaitingVote == 0)
    }

    @Test("a unit's clerk may not list council sessions")
    func sessionsRefusedToAClerk() async throws {
        let f = try await CouncilFixture.make()
        await #expect(throws: ThiduaError.self) { try await f.council.sessions(as: f[.clerkB]) }
    }

    @Test("decisions by state: drafts first for the secretariat; another unit's clerk sees only signed ones")
    func decisionsByState() async throws {
        let f = try await DecisionFixture.make()
        let signed = try await f.signed([(name: "Phạm Thị Ký", form: "giay-khen-chu-tich-huyen")])
        let nominations = try await f.approved(["Phạm Văn Thảo"])
        let draft = try await f.draft([DecisionItemDraft(nominationID: nominations[0].id, form: "giay-khen-chu-tich-huyen")])

        let all = try await f.decisions.list(as: f[.secretary])
        #expect(all.map(\.id) == [draft.id, signed.id])
        #expect(all.first?.state == .draft && all.first?.symbol == nil && all.first?.itemCount == 1)
        #expect(all.last?.symbol?.hasPrefix("\(signed.number ?? 0)/") == true)

        #expect(try await f.decisions.list(states: [.draft], as: f[.secretary]).map(\.id) == [draft.id])
        #expect(try await f.decisions.list(states: [.signed, .revoked], as: f[.secretary]).map(\.id) == [signed.id])
        #expect(try await f.decisions.list(as: f[.clerkB]).map(\.id) == [signed.id])
    }
}
