import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// The rounds and movements pages over real HTTP and a real database: a round's deadline and limits, a
/// movement's lead unit and criteria, and the secretariat's deadline exception that lets a late unit submit.
@Suite("RoundPageTests")
struct RoundPageTests {
    @Test("after the due date a unit's submission is refused; the secretariat grants it an exception from the round's page, with a reason, and the submission goes through")
    func deadlineException() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let secretaryActor = try await world.actor(.secretary)
            let round = try #require(try await RoundRepository(store: world.store).list(as: secretaryActor).first { $0.id == world.round })
            try await RoundRepository(store: world.store).setDueDate(round: world.round, to: Date().addingTimeInterval(-3600),
                                                                     version: round.version, reason: "Hết hạn", by: secretaryActor)
            let clerk = try await world.actor(.clerkA)
            var nomination = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: clerk)
            try await world.completeDossier(of: nomination.id, by: clerk)
            let head = try await world.actor(.headA)
            await #expect(throws: ThiduaError.self) {
                try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
            }

            let secretary = PageClient(api: api, session: try await api.signIn(.secretary))
            let page = try await secretary.get("/dot/\(world.round.lower)")
            #expect(page.status == .ok && page.text.contains("Đã quá hạn") && page.text.contains("Gia hạn cho một đơn vị"))
            let token = try #require(PageClient.csrf(in: page.text))
            let noReason = try await secretary.post("/dot/\(world.round.lower)/gia-han", [("_csrf", token), ("unit", world.communeA.lower), ("until", "2099-01-01T17:00"), ("reason", "")])
            #expect(noReason.status == .unprocessableContent)
            let past = try await secretary.post("/dot/\(world.round.lower)/gia-han", [("_csrf", token), ("unit", world.communeA.lower), ("until", "2020-01-01T17:00"), ("reason", "Lũ")])
            #expect(past.status == .unprocessableContent)
            let granted = try await secretary.post("/dot/\(world.round.lower)/gia-han", [("_csrf", token), ("unit", world.communeA.lower),
                                                                                        ("until", "2099-01-01T17:00"), ("reason", "Mưa lũ chia cắt xã")])
            #expect(granted.status == .seeOther)
            nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
            #expect(nomination.state == .submitted)

            let clerkPages = PageClient(api: api, session: try await api.signIn(.clerkA))
            #expect(!(try await clerkPages.get("/dot/\(world.round.lower)").text.contains("Gia hạn cho một đơn vị")))
            let forged = try await clerkPages.post("/dot/\(world.round.lower)/gia-han", [("_csrf", try await clerkPages.csrf(on: "/dot")), ("unit", world.communeA.lower),
                                                                                        ("until", "2099-01-01T17:00"), ("reason", "Tự gia hạn")])
            #expect(forged.status == .forbidden)
        }
    }

    @Test("a movement's page shows its lead unit, kinds and criteria, and offers the form to a unit that may nominate")
    func movementPage() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = PageClient(api: api, session: try await api.signIn(.clerkA))
            let list = try await clerk.get("/phong-trao")
            #expect(list.text.contains("Cả nước chung sức xây dựng nông thôn mới"))
            let page = try await clerk.get("/phong-trao/\(world.movement.lower)")
            #expect(page.text.contains("Đóng góp ngày công") && page.text.contains("Hộ gia đình") && page.text.contains("Lập hồ sơ đề nghị theo phong trào này"))
            let auditor = PageClient(api: api, session: try await api.signIn(.auditor))
            #expect(!(try await auditor.get("/phong-trao/\(world.movement.lower)").text.contains("Lập hồ sơ đề nghị")))
        }
    }
}
