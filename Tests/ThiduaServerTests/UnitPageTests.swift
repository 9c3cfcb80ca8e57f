import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// `/quan-tri/don-vi` over real HTTP and a real database: the administrator adds the commune a merger makes and
/// records the merger with its day and legal basis; the old communes end that day and roll up to the new one.
@Suite("UnitPageTests")
struct UnitPageTests {
    @Test("a merger is recorded from the page: both communes end on its day, their records roll up to the new commune, and the page lists it")
    func mergerFromThePage() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let admin = PageClient(api: api, session: try await api.signIn(.admin))
            let page = try await admin.get("/quan-tri/don-vi")
            #expect(page.status == .ok && page.text.contains("UBND xã Sín Chải") && page.text.contains("Từ 01/01/2000"))
            let token = try #require(PageClient.csrf(in: page.text))
            let made = try await admin.post("/quan-tri/don-vi", [("_csrf", token), ("name", "UBND xã Sín Chải mới"), ("code", "xa-sin-chai-moi"),
                                                                 ("kind", "commune"), ("validFrom", "2025-07-01")])
            #expect(made.status == .seeOther)
            let repository = UnitRepository(store: world.store)
            let admins = try await world.actor(.admin)
            let merged = try #require(try await repository.list(as: admins).first { $0.code == "xa-sin-chai-moi" })

            let noBasis = try await admin.post("/quan-tri/don-vi/ke-thua", [("_csrf", token), ("successionKind", "merge"), ("predecessor", world.communeA.lower),
                                                                            ("successor", merged.id.lower), ("effectiveOn", "2025-07-01"), ("legalBasis", " ")])
            #expect(noBasis.status == .unprocessableContent && noBasis.text.contains("căn cứ pháp lý"))
            for commune in [world.communeA, world.communeB] {
                let recorded = try await admin.post("/quan-tri/don-vi/ke-thua", [
                    ("_csrf", token), ("successionKind", "merge"), ("predecessor", commune.lower), ("successor", merged.id.lower),
                    ("effectiveOn", "2025-07-01"), ("legalBasis", "Nghị quyết số 1661/NQ-UBTVQH15"),
                ])
                #expect(recorded.status == .seeOther)
            }
            #expect(try await repository.unitInForce(world.communeA, on: "2025-08-01", as: admins) == merged.id)
            #expect(try await repository.unitInForce(world.communeB, on: "2025-06-30", as: admins) == world.communeB)
            let after = try await admin.get("/quan-tri/don-vi?ok=ke-thua")
            #expect(after.text.contains("Hợp nhất, sáp nhập") && after.text.contains("Nghị quyết số 1661/NQ-UBTVQH15") && after.text.contains("đến trước 01/07/2025"))

            let secretary = PageClient(api: api, session: try await api.signIn(.secretary))
            #expect(try await secretary.get("/quan-tri/don-vi").status == .forbidden)
            let forged = try await secretary.post("/quan-tri/don-vi", [("_csrf", try await secretary.csrf(on: "/")), ("name", "Đơn vị giả"), ("code", "gia"),
                                                                       ("kind", "commune"), ("validFrom", "2025-07-01")])
            #expect(forged.status == .forbidden)
        }
    }
}
