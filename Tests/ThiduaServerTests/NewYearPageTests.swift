import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// `/quan-tri/nam-moi` over real HTTP and a real database: the secretariat opens a year from the page as proposed
/// and edited, the new round is on everyone's list, a second opening is a 409 and a clerk is refused.
@Suite("NewYearPageTests")
struct NewYearPageTests {
    /// The fields of the page's form that posts to `action`, as a browser would send them unchanged.
    static func fields(of html: String, posting action: String) -> [(String, String)] {
        guard let start = html.range(of: "method=\"post\" action=\"\(action)\""), let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else { return [] }
        let form = String(html[start.upperBound..<end.lowerBound])
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        var fields: [(String, String)] = []
        for tag in form.matches(of: /<input [^>]*>/) {
            let text = String(tag.0)
            guard let name = text.firstMatch(of: /name="([^"]*)"/)?.1 else { continue }
            fields.append((unescaped(name), unescaped(text.firstMatch(of: /value="([^"]*)"/)?.1 ?? "")))
        }
        for area in form.matches(of: /<textarea [^>]*name="([^"]*)"[^>]*>([^<]*)<\/textarea>/) {
            fields.append((unescaped(area.1), unescaped(area.2)))
        }
        for select in form.matches(of: /<select [^>]*name="([^"]*)"[^>]*>(.*?)<\/select>/) {
            let options = String(select.2)
            let chosen = options.firstMatch(of: /<option value="([^"]*)" selected>/)?.1 ?? options.firstMatch(of: /<option value="([^"]*)"/)?.1 ?? ""
            fields.append((unescaped(select.1), unescaped(chosen)))
        }
        return fields
    }

    static func replacing(_ fields: [(String, String)], _ changes: [String: String]) -> [(String, String)] {
        fields.map { ($0.0, changes[$0.0] ?? $0.1) }
    }

    @Test("the secretariat opens 2022 from the page as proposed, with a later due date; the round is on a clerk's list; a second opening is a 409")
    func secretariatOpensAYear() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let secretary = PageClient(api: api, session: try await api.signIn(.secretary))
            let home = try await secretary.get("/")
            #expect(home.text.contains("href=\"/quan-tri/nam-moi\""))
            let page = try await secretary.get("/quan-tri/nam-moi")
            #expect(page.status == .ok)
            #expect(page.text.contains("Mở năm 2022") && page.text.contains("Đợt thử năm 2022") && page.text.contains("thu-2022"))
            #expect(page.text.contains("Cả nước chung sức xây dựng nông thôn mới") && page.text.contains("Đơn vị chủ trì: Phòng Nông nghiệp và Phát triển nông thôn"))
            let fields = Self.fields(of: page.text, posting: "/quan-tri/nam-moi")
            #expect(fields.contains { $0.0 == "r0.commune.max" && $0.1 == "4" } && fields.contains { $0.0 == "r0.rule" && $0.1 == "" })
            #expect(page.text.contains("Quy tắc mặc định đang áp dụng"))

            let backwards = try await secretary.post("/quan-tri/nam-moi", Self.replacing(fields, ["r0.due": "2000-01-01T17:00"]))
            #expect(backwards.status == .unprocessableContent && backwards.text.contains("Hạn nộp"))
            let notANumber = try await secretary.post("/quan-tri/nam-moi", Self.replacing(fields, ["r0.commune.max": "bốn"]))
            #expect(notANumber.status == .unprocessableContent && notANumber.text.contains("phải là một số nguyên"))

            let edited = Self.replacing(fields, ["r0.opens": "2022-01-03T07:00", "r0.due": "2099-11-12T23:59", "r0.commune.max": "5"])
            let opened = try await secretary.post("/quan-tri/nam-moi", edited)
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers[.location])
            #expect(location.hasPrefix("/dot/") && location.hasSuffix("?ok=nam-moi"))
            let round = try await secretary.get(location)
            #expect(round.text.contains("Đợt thử năm 2022") && round.text.contains("Đã mở năm mới"))

            let clerk = PageClient(api: api, session: try await api.signIn(.clerkA))
            #expect(try await clerk.get("/dot").text.contains("Đợt thử năm 2022"))
            #expect(try await clerk.get("/phong-trao/\(world.movement.lower)").text.contains("Đợt thử năm 2022: Cá nhân — ít nhất 3"))
            let again = try await secretary.post("/quan-tri/nam-moi", Self.replacing(edited, ["r0.code": "thu-2022-b"]))
            #expect(again.status == .conflict && again.text.contains("Năm 2022 đã được mở"))
            let rounds = try await RoundRepository(store: world.store).list(as: try await world.actor(.secretary))
            #expect(rounds.filter { $0.year == 2022 }.count == 1)
        }
    }

    @Test("a clerk, the chairman or the administrator neither sees the link nor opens a year")
    func othersAreRefused() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let secretary = PageClient(api: api, session: try await api.signIn(.secretary))
            let fields = Self.fields(of: try await secretary.get("/quan-tri/nam-moi").text, posting: "/quan-tri/nam-moi")
            for person in [RecordsWorld.Person.clerkA, .chairman, .admin] {
                let pages = PageClient(api: api, session: try await api.signIn(person))
                #expect(!(try await pages.get("/").text.contains("/quan-tri/nam-moi")))
                #expect(try await pages.get("/quan-tri/nam-moi").status == .forbidden)
                let token = try await pages.csrf(on: "/")
                let forged = try await pages.post("/quan-tri/nam-moi", Self.replacing(fields, ["_csrf": token]))
                #expect(forged.status == .forbidden)
            }
            #expect(try await RoundRepository(store: world.store).list(as: try await world.actor(.secretary)).allSatisfy { $0.year == 2021 })
        }
    }

    @Test("the secretariat rewords and adds a movement's criteria on its page; dropping one is refused; a clerk sees no form and cannot post one")
    func criteriaEditedForTheYear() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let secretary = PageClient(api: api, session: try await api.signIn(.secretary))
            let path = "/phong-trao/\(world.movement.lower)"
            let page = try await secretary.get(path)
            #expect(page.text.contains("c1 | Đóng góp ngày công"))
            let fields = Self.fields(of: page.text, posting: "\(path)/tieu-chi")
            let dropped = try await secretary.post("\(path)/tieu-chi", Self.replacing(fields, ["checklist": "c1 | Đóng góp ngày công"]))
            #expect(dropped.status == .unprocessableContent && dropped.text.contains("Không được bỏ tiêu chí đã có (c2)"))
            let noBar = try await secretary.post("\(path)/tieu-chi", Self.replacing(fields, ["checklist": "c1 Đóng góp"]))
            #expect(noBar.status == .unprocessableContent)
            let edited = "c1 | Đóng góp ngày công làm đường giao thông nông thôn\nc2 | Hiến đất làm đường\nc3 | Giữ gìn vệ sinh môi trường"
            let saved = try await secretary.post("\(path)/tieu-chi", Self.replacing(fields, ["checklist": edited]))
            #expect(saved.status == .seeOther)
            let clerk = PageClient(api: api, session: try await api.signIn(.clerkA))
            let read = try await clerk.get(path)
            #expect(read.text.contains("Giữ gìn vệ sinh môi trường") && read.text.contains("làm đường giao thông nông thôn") && !read.text.contains("\(path)/tieu-chi"))
            let stale = try await secretary.post("\(path)/tieu-chi", Self.replacing(fields, ["checklist": edited]))
            #expect(stale.status == .unprocessableContent && stale.text.contains("vừa được người khác sửa"))
            let forged = try await clerk.post("\(path)/tieu-chi", Self.replacing(fields, ["_csrf": try await clerk.csrf(on: "/"), "checklist": edited]))
            #expect(forged.status == .forbidden)
            let events = try await world.audit.history(of: "movements", id: world.movement.lower, as: try await world.actor(.auditor))
            #expect(events.last?.action == "movement.criteria" && events.last?.actorRole == "secretariat")
        }
    }
}
