import Foundation
import HTTPTypes
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The review queues over real HTTP and a real database: the lead unit's endorsements and the secretariat's
/// verifications, oldest first, with what each dossier lacks, the steps the policy offers and the return's
/// mandatory reason; the secretariat warned on its own unit's nomination.
@Suite("ReviewQueuePageTests")
struct ReviewQueuePageTests {
    @Test("the lead unit's head works through its queue: oldest first, missing documents named, endorse and return with a reason, back to the queue")
    func leadUnitQueue() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            var complete = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: try await world.actor(.clerkA))
            try await world.completeDossier(of: complete.id, by: try await world.actor(.clerkA))
            complete = try await world.nominations.perform(.submit, on: complete.id, version: complete.version, by: try await world.actor(.headA))
            var bare = try await world.nominations.create(world.draft(name: "Sùng Thị Dợ"), by: try await world.actor(.clerkB))
            bare = try await world.nominations.perform(.submit, on: bare.id, version: bare.version, by: try await world.actor(.headB))
            _ = try await world.nominations.create(world.draft(name: "Giàng Thị Súa"), by: try await world.actor(.clerkB))

            let head = PageClient(api: api, session: try await api.signIn(.leadHead))
            let queue = try await head.get("/duyet")
            #expect(queue.status == .ok)
            let text = queue.text
            #expect(text.contains("Chờ đơn vị chủ trì xác nhận (2 hồ sơ)") && !text.contains("Chờ Cơ quan Thường trực thẩm định"))
            let first = try #require(text.range(of: "Lò Thị Mai")), second = try #require(text.range(of: "Sùng Thị Dợ"))
            #expect(first.lowerBound < second.lowerBound, "oldest submission first")
            #expect(!text.contains("Giàng Thị Súa"), "a draft is not in the queue")
            let bareCard = String(text[second.lowerBound...])
            #expect(bareCard.contains("Còn thiếu tài liệu bắt buộc") && bareCard.contains("Biên bản"))
            #expect(text.contains("Xác nhận, chuyển Cơ quan Thường trực") && text.contains("href=\"/duyet\""))

            let token = try #require(PageClient.csrf(in: text))
            let endorsed = try await head.post("/ho-so/\(complete.id.lower)/buoc", [
                ("_csrf", token), ("version", String(complete.version)), ("event", "endorse"), ("tro-ve", "duyet")])
            #expect(endorsed.status == .seeOther && endorsed.headers[.location] == "/duyet?ok=endorse")
            let noReason = try await head.post("/ho-so/\(bare.id.lower)/buoc", [
                ("_csrf", token), ("version", String(bare.version)), ("event", "return_by_lead_unit"), ("reason", "  "), ("tro-ve", "duyet")])
            #expect(noReason.status == .unprocessableContent)
            #expect(try await world.nominations.get(bare.id, as: try await world.actor(.headB)).state == .submitted)
            let elsewhere = try await head.post("/ho-so/\(bare.id.lower)/buoc", [
                ("_csrf", token), ("version", String(bare.version)), ("event", "return_by_lead_unit"),
                ("reason", "Bổ sung biên bản bình xét"), ("tro-ve", "https://example.org/")])
            #expect(elsewhere.status == .seeOther && elsewhere.headers[.location] == "/ho-so/\(bare.id.lower)?ok=return_by_lead_unit",
                    "the way back is this server's queue or the record, never an address from the form")
            #expect(try await world.nominations.get(bare.id, as: try await world.actor(.headB)).state == .returned)

            let after = try await head.get("/duyet?ok=endorse")
            #expect(after.text.contains("Chờ đơn vị chủ trì xác nhận (0 hồ sơ)") && after.text.contains("Đã xác nhận hồ sơ"))

            let leadClerk = PageClient(api: api, session: try await api.signIn(.leadClerk))
            bare = try await world.nominations.get(bare.id, as: try await world.actor(.headB))
            bare = try await world.nominations.perform(.submit, on: bare.id, version: bare.version, by: try await world.actor(.headB))
            let clerkQueue = try await leadClerk.get("/duyet").text
            #expect(clerkQueue.contains("Sùng Thị Dợ") && clerkQueue.contains("Thủ trưởng đơn vị chủ trì xác nhận hoặc trả lại hồ sơ này."))
            #expect(!clerkQueue.contains("name=\"event\""), "a clerk is offered no step its head alone may take")

            let commune = PageClient(api: api, session: try await api.signIn(.clerkA))
            let none = try await commune.get("/duyet").text
            #expect(none.contains("Đồng chí không có hàng chờ duyệt") && !none.contains("Sùng Thị Dợ"))
            #expect(!(try await commune.get("/").text.contains("href=\"/duyet\"")))
        }
    }

    @Test("the secretariat's queue holds the endorsed nominations and warns when the nomination is its own unit's")
    func secretariatQueue() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            try await world.asInstaller { connection in
                _ = try await connection.query("""
                    INSERT INTO thidua.role_grants (user_id, role)
                    SELECT id, 'secretariat' FROM thidua.users WHERE username = 'deputya'
                    """)
            }
            for (name, communeA) in [("Lò Thị Mai", true), ("Sùng Thị Dợ", false)] {
                let clerk = try await world.actor(communeA ? .clerkA : .clerkB)
                var nomination = try await world.nominations.create(world.draft(name: name), by: clerk)
                try await world.completeDossier(of: nomination.id, by: clerk)
                nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(communeA ? .headA : .headB))
                _ = try await world.nominations.perform(.endorse, on: nomination.id, version: nomination.version, by: try await world.actor(.leadHead))
            }
            let secretary = PageClient(api: api, session: try await api.signIn(.secretary))
            let queue = try await secretary.get("/duyet").text
            #expect(queue.contains("Chờ Cơ quan Thường trực thẩm định (2 hồ sơ)") && queue.contains("Thẩm định đạt"))
            #expect(!queue.contains("hồ sơ của chính đơn vị đồng chí"))

            let deputy = PageClient(api: api, session: try await api.signIn(.deputyA))
            let own = try await deputy.get("/duyet").text
            let mai = try #require(own.range(of: "Lò Thị Mai")), dợ = try #require(own.range(of: "Sùng Thị Dợ"))
            let maiCard = String(own[mai.lowerBound..<dợ.lowerBound])
            #expect(maiCard.contains("hồ sơ của chính đơn vị đồng chí"))
            #expect(!String(own[dợ.lowerBound...]).contains("hồ sơ của chính đơn vị đồng chí"))
        }
    }
}
