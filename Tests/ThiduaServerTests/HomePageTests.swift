import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// The home page by role over real HTTP and a real database: what waits on each user, and the pictures.
@Suite("HomePageTests")
struct HomePageTests {
    static func pages(_ api: APIClient, _ person: RecordsWorld.Person) async throws -> PageClient {
        PageClient(api: api, session: try await api.signIn(person))
    }

    @Test("a unit sees its returned nomination first with the reason, its round's countdown and quota, and its nominations by state as SVG bars")
    func unitHome() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkA)
            var returned = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: clerk)
            try await world.completeDossier(of: returned.id, by: clerk)
            returned = try await world.nominations.perform(.submit, on: returned.id, version: returned.version, by: try await world.actor(.headA))
            returned = try await world.nominations.perform(.returnByLeadUnit, on: returned.id, version: returned.version,
                                                          reason: "Thiếu biên bản bình xét", by: try await world.actor(.leadHead))
            _ = try await world.nominations.create(world.draft(name: "Vàng A Páo"), by: clerk)

            let home = try await Self.pages(api, .clerkA).get("/").text
            let returnedAt = try #require(home.range(of: "Lò Thị Mai"))
            let draftAt = try #require(home.range(of: "Vàng A Páo"))
            #expect(returnedAt.lowerBound < draftAt.lowerBound)
            #expect(home.contains("Bị trả lại, lý do: Thiếu biên bản bình xét"))
            #expect(home.contains("Còn ") || home.contains("Đã quá hạn"))
            #expect(home.contains("Đơn vị đã gửi 1 trong tối đa 4 hồ sơ"))
            #expect(home.contains("<svg class=\"bars\"") && home.contains("Bị trả lại: 1 hồ sơ"))
            // Another commune's clerk sees none of it.
            let other = try await Self.pages(api, .clerkB).get("/").text
            #expect(!other.contains("Lò Thị Mai") && !other.contains("Vàng A Páo"))
        }
    }

    @Test("the secretariat sees what waits for verification and compliance per unit and movement as bars; a member the session awaiting their vote; the chairman the draft to sign")
    func officeHomes() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkB)
            var endorsed = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: clerk)
            try await world.completeDossier(of: endorsed.id, by: clerk)
            endorsed = try await world.nominations.perform(.submit, on: endorsed.id, version: endorsed.version, by: try await world.actor(.headB))
            _ = try await world.nominations.perform(.endorse, on: endorsed.id, version: endorsed.version, by: try await world.actor(.leadHead))
            let secretaryHome = try await Self.pages(api, .secretary).get("/").text
            #expect(secretaryHome.contains("Hồ sơ chờ thẩm định") && secretaryHome.contains("Lò Thị Mai"))
            #expect(secretaryHome.contains("id=\"bieu-do-don-vi\"") && secretaryHome.contains("id=\"bieu-do-phong-trao\""))

            let verified = try await world.verified("Vàng A Páo")
            let secretary = try await world.actor(.secretary)
            _ = try await world.councilReviews.open(round: world.round, title: "Phiên họp cuối năm", nominations: [verified.id], by: secretary)
            let memberHome = try await Self.pages(api, .member).get("/").text
            #expect(memberHome.contains("Phiên họp cuối năm") && memberHome.contains("1 hồ sơ chờ đồng chí bỏ phiếu"))
            #expect(!(try await Self.pages(api, .clerkB).get("/").text.contains("Phiên họp cuối năm")))

            let approved = try await DecisionPageTests.approved(world, "Giàng A Dình")
            let series = try await world.addDecisionSeries()
            _ = try await DecisionRepository(store: world.store).draft(DecisionDraft(
                seriesID: series, decidedOn: ISO8601DateFormatter().date(from: "2024-12-20T00:00:00Z")!, subject: "Về việc khen thưởng năm nay", legalBases: ["Luật Thi đua, khen thưởng"],
                items: [DecisionItemDraft(nominationID: approved.id, form: "giay-khen-chu-tich-huyen")]), by: secretary)
            let chairmanHome = try await Self.pages(api, .chairman).get("/").text
            #expect(chairmanHome.contains("Quyết định chờ ký") && chairmanHome.contains("Về việc khen thưởng năm nay"))
        }
    }
}
