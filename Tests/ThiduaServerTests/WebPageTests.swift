import Foundation
import HTTPTypes
import Hummingbird
import Testing
import ThiduaCore
import ThiduaTesting

/// The web pages over real HTTP and a real database: signing in and out, CSRF on every form, another unit's
/// record hidden as in the API, typed text escaped, only the policy's steps offered, uploads checked.
@Suite("WebPageTests")
struct WebPageTests {
    static func pages(_ api: APIClient, _ person: RecordsWorld.Person) async throws -> PageClient {
        PageClient(api: api, session: try await api.signIn(person))
    }

    @Test("a browser without a session is sent to sign in, signs in with the form, lands home, and signs out")
    func signInAndOut() async throws {
        try await APIWorld.run(verifier: false) { _, api in
            let anonymous = try await api.send(.get, "/")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/dang-nhap")
            let deep = try await api.send(.get, "/ho-so")
            #expect(deep.headers[.location] == "/dang-nhap?tiep=/ho-so")

            let form = try await api.send(.get, "/dang-nhap")
            #expect(form.status == .ok)
            #expect(form.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            let token = try #require(PageClient.csrf(in: form.text))
            let cookie = "thidua_dang_nhap=\(token)"
            let pages = PageClient(api: api, session: "")

            let wrong = try await pages.post("/dang-nhap", [("_csrf", token), ("username", "clerka"), ("password", "sai")], cookies: cookie)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("role=\"alert\""))
            let forged = try await pages.post("/dang-nhap", [("_csrf", token), ("username", "clerka"), ("password", APIClient.password)],
                                              cookies: "thidua_dang_nhap=khac")
            #expect(forged.status == .forbidden)
            #expect(forged.headers[.setCookie]?.hasPrefix("thidua_session=") != true)

            let signedIn = try await pages.post(
                "/dang-nhap", [("_csrf", token), ("username", "clerka"), ("password", APIClient.password), ("tiep", "/ho-so")], cookies: cookie)
            #expect(signedIn.status == .seeOther)
            #expect(signedIn.headers[.location] == "/ho-so")
            let session = try #require(signedIn.headers[.setCookie]?.firstMatch(of: /thidua_session=([^;]+)/).map { String($0.1) })
            #expect(signedIn.headers[.setCookie]?.contains("HttpOnly; SameSite=Strict") == true)
            let clerk = PageClient(api: api, session: session)
            let home = try await clerk.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Lò Văn Pâng"))

            let withoutToken = try await clerk.post("/dang-xuat", [])
            #expect(withoutToken.status == .forbidden)
            #expect(try await clerk.get("/").status == .ok)
            let signedOut = try await clerk.post("/dang-xuat", [("_csrf", try await clerk.csrf(on: "/"))])
            #expect(signedOut.status == .seeOther)
            #expect(try await clerk.get("/").status == .seeOther)
        }
    }

    @Test("a form posted without its CSRF token is refused and changes nothing; with it, the step is taken")
    func stepNeedsCSRF() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkA)
            let draft = try await world.nominations.create(world.draft(), by: clerk)
            try await world.completeDossier(of: draft.id, by: clerk)
            let head = try await Self.pages(api, .headA)
            let path = "/ho-so/\(draft.id.lower)"

            let forged = try await head.post("\(path)/buoc", [("event", "submit"), ("version", "1")])
            #expect(forged.status == .forbidden)
            #expect(try await world.nominations.get(draft.id, as: clerk).state == .draft)

            let taken = try await head.post("\(path)/buoc", [("_csrf", try await head.csrf(on: path)), ("event", "submit"), ("version", "1")])
            #expect(taken.status == .seeOther)
            #expect(taken.headers[.location] == "\(path)?ok=submit")
            #expect(try await world.nominations.get(draft.id, as: clerk).state == .submitted)
            #expect(try await head.get(taken.headers[.location]!).text.contains("Đã gửi hồ sơ."))
        }
    }

    @Test("another unit's nomination is 404 on its page and on its forms, and nothing is written")
    func otherUnitsRecordIsNotFound() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkA)
            let draft = try await world.nominations.create(world.draft(), by: clerk)
            let other = try await Self.pages(api, .headB)
            let path = "/ho-so/\(draft.id.lower)"
            #expect(try await other.get(path).status == .notFound)
            let csrf = try await other.csrf(on: "/")
            #expect(try await other.post("\(path)/buoc", [("_csrf", csrf), ("event", "withdraw"), ("version", "1")]).status == .notFound)
            let upload = try await other.postFile("\(path)/tai-lieu", [("_csrf", csrf), ("kind", "request")],
                                                  file: ("file", "a.pdf", "application/pdf", "%PDF-1.4"))
            #expect(upload.status == .notFound)
            #expect(try await world.nominations.get(draft.id, as: clerk).state == .draft)
            #expect(try await world.attachments.list(for: draft.id, as: clerk).isEmpty)
        }
    }

    @Test("a nominee's name typed as markup shows as text on the list and on the record")
    func typedTextIsEscaped() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let hostile = "<script>alert(1)</script>"
            let draft = try await world.nominations.create(world.draft(name: hostile), by: try await world.actor(.clerkA))
            let clerk = try await Self.pages(api, .clerkA)
            for path in ["/ho-so", "/ho-so/\(draft.id.lower)"] {
                let page = try await clerk.get(path)
                #expect(page.status == .ok)
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
                #expect(!page.text.contains(hostile), "\(path)")
            }
        }
    }

    @Test("every role's page of one record offers exactly the steps the policy allows it, and each one offered succeeds")
    func pagesOfferOnlyThePolicysSteps() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkA)
            var nomination = try await world.nominations.create(world.draft(), by: clerk)
            try await world.completeDossier(of: nomination.id, by: clerk)
            nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: try await world.actor(.headA))
            let path = "/ho-so/\(nomination.id.lower)"
            for person in RecordsWorld.Person.allCases {
                let actor = try await world.actor(person)
                let page = try await Self.pages(api, person).get(path)
                guard Policy.canView(actor, NominationFacts(
                    unitID: nomination.unitID, movementID: nomination.movementID, state: nomination.state,
                    restricted: nomination.restricted, submittedBy: nomination.submittedBy)) else {
                    #expect(page.status == .notFound, "\(person)")
                    continue
                }
                #expect(page.status == .ok, "\(person)")
                let offered = Set(page.text.matches(of: /name="event" value="([a-z_]+)"/).map { String($0.1) })
                #expect(offered == Set(Policy.availableEvents(for: actor, on: nomination).map(\.rawValue)), "\(person)")
            }
            let lead = try await Self.pages(api, .leadHead)
            #expect(try await lead.get(path).text.contains("value=\"endorse\""))
            let endorsed = try await lead.post("\(path)/buoc", [("_csrf", try await lead.csrf(on: path)), ("event", "endorse"), ("version", "2")])
            #expect(endorsed.status == .seeOther)
            #expect(try await world.nominations.get(nomination.id, as: clerk).state == .endorsed)
        }
    }

    @Test("a return without a reason is refused on the page with the reason asked for; with one, the record shows it at the top")
    func returnNeedsReason() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkA)
            var nomination = try await world.nominations.create(world.draft(), by: clerk)
            try await world.completeDossier(of: nomination.id, by: clerk)
            nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: try await world.actor(.headA))
            let lead = try await Self.pages(api, .leadHead)
            let path = "/ho-so/\(nomination.id.lower)"
            let csrf = try await lead.csrf(on: path)
            let bare = try await lead.post("\(path)/buoc", [("_csrf", csrf), ("event", "return_by_lead_unit"), ("version", "2")])
            #expect(bare.status.code >= 400 && bare.status.code < 500)
            #expect(bare.text.contains("role=\"alert\""))
            #expect(try await world.nominations.get(nomination.id, as: clerk).state == .submitted)
            let returned = try await lead.post("\(path)/buoc", [
                ("_csrf", csrf), ("event", "return_by_lead_unit"), ("version", "2"), ("reason", "Thiếu biên bản bình xét của thôn"),
            ])
            #expect(returned.status == .seeOther)
            let page = try await Self.pages(api, .clerkA).get(path)
            #expect(page.text.contains("Lý do trả lại:</strong> Thiếu biên bản bình xét của thôn"))
            #expect(page.text.contains("Trần Văn Đức"))
        }
    }

    @Test("an upload is checked by type and first bytes, and comes back as a named download that is never sniffed")
    func uploadsAreChecked() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerkActor = try await world.actor(.clerkA)
            let draft = try await world.nominations.create(world.draft(), by: clerkActor)
            let clerk = try await Self.pages(api, .clerkA)
            let path = "/ho-so/\(draft.id.lower)"
            let csrf = try await clerk.csrf(on: path)
            let renamed = try await clerk.postFile("\(path)/tai-lieu", [("_csrf", csrf), ("kind", "request")],
                                                   file: ("file", "to-trinh.pdf", "application/pdf", "MZ not a pdf"))
            #expect(renamed.status == .unsupportedMediaType)
            let program = try await clerk.postFile("\(path)/tai-lieu", [("_csrf", csrf), ("kind", "request")],
                                                   file: ("file", "a.exe", "application/x-msdownload", "MZ"))
            #expect(program.status == .unsupportedMediaType)
            #expect(try await world.attachments.list(for: draft.id, as: clerkActor).isEmpty)

            let fine = try await clerk.postFile("\(path)/tai-lieu", [("_csrf", csrf), ("kind", "request")],
                                                file: ("file", "Tờ trình.pdf", "application/octet-stream", "%PDF-1.4 tờ trình"))
            #expect(fine.status == .seeOther)
            let stored = try #require(try await world.attachments.list(for: draft.id, as: clerkActor).first)
            #expect(stored.mediaType == "application/pdf")
            let page = try await clerk.get(path)
            #expect(page.text.contains("Tờ trình.pdf"))
            let download = try await clerk.get("/tai-lieu/\(stored.id.lower)")
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"To trinh.pdf\"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh.pdf")
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
            #expect(download.text == "%PDF-1.4 tờ trình")
            #expect(try await Self.pages(api, .clerkB).get("/tai-lieu/\(stored.id.lower)").status == .notFound)
        }
    }

    @Test("the list finds a name typed without diacritics, filters by state, and shows names, never ids")
    func listSearchesAndFilters() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerkActor = try await world.actor(.clerkA)
            _ = try await world.nominations.create(world.draft(name: "Giàng Thị Dua"), by: clerkActor)
            _ = try await world.nominations.create(world.draft(name: "Lò Văn Hặc"), by: clerkActor)
            let clerk = try await Self.pages(api, .clerkA)
            let searched = try await clerk.get("/ho-so?q=giang%20thi")
            #expect(searched.text.contains("Giàng Thị Dua"))
            #expect(!searched.text.contains("Lò Văn Hặc"))
            let submitted = try await clerk.get("/ho-so?trang-thai=submitted")
            #expect(submitted.text.contains("Không có hồ sơ nào"))
            let body = try #require(searched.text.firstMatch(of: /<tbody>([\s\S]*)<\/tbody>/).map { String($0.1) })
            #expect(body.firstMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\//) == nil)
        }
    }
}
