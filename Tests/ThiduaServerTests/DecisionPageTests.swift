import Foundation
import HTTPTypes
import NIOCore
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting
import ZIPFoundation

/// The decision pages over real HTTP and a real database: the secretariat drafts from the council's approved
/// nominations choosing the register by name; the chairman reads the full text, sends it back with a reason or
/// signs it from the page; the list shows it by number; a commune's clerk never sees a draft.
@Suite("DecisionPageTests")
struct DecisionPageTests {
    static func pages(_ api: APIClient, _ person: RecordsWorld.Person) async throws -> PageClient {
        PageClient(api: api, session: try await api.signIn(person))
    }

    /// A nomination of commune B approved by the council, ready for a decision.
    static func approved(_ world: RecordsWorld, _ name: String) async throws -> Nomination {
        let secretary = try await world.actor(.secretary)
        let nomination = try await world.verified(name)
        let session = try await world.councilReviews.open(round: world.round, title: "Phiên họp", nominations: [nomination.id], by: secretary)
        for person in [RecordsWorld.Person.member, .chairman] {
            _ = try await world.councilReviews.vote(.approve, on: nomination.id, in: session.id, version: 0, by: try await world.actor(person))
        }
        _ = try await world.councilReviews.close(session.id, version: session.version, by: secretary)
        return nomination
    }

    static func version(in html: String) throws -> String {
        String(try #require(html.firstMatch(of: /name="version" value="(\d+)"/)).1)
    }

    @Test("drafted from the page over approved nominations; the chairman reads the full text, sends it back with a reason, signs the resubmitted draft; the clerk of the nominee's commune never sees the draft")
    func draftSendBackSign() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let series = try await world.addDecisionSeries()
            let nomination = try await Self.approved(world, "Lò Thị Mai")
            let secretary = try await Self.pages(api, .secretary)

            let form = try await secretary.get("/quyet-dinh/moi")
            #expect(form.status == .ok)
            #expect(form.text.contains("Lò Thị Mai") && form.text.contains("Ủy ban nhân dân huyện Thử Nghiệm (số …/QĐ-UBND)"))
            #expect(!form.text.contains(series.uuidString.uppercased()))
            let token = try #require(PageClient.csrf(in: form.text))
            let fields = [("_csrf", token), ("so", series.lower), ("ngay", "2024-12-20"), ("subject", "Về việc khen thưởng <b>năm 2024</b>"),
                          ("bases", "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022\nNghị định số 98/2023/NĐ-CP"),
                          ("ho-so", nomination.id.lower), ("hinh-thuc-\(nomination.id.lower)", "giay-khen-chu-tich-huyen")]
            let badDay = try await secretary.post("/quyet-dinh/moi", fields.map { $0.0 == "ngay" ? ($0.0, "2024-02-31") : $0 })
            #expect(badDay.status == .unprocessableContent)
            #expect(badDay.text.contains("Ngày ban hành không hợp lệ."))
            #expect(try await DecisionRepository(store: world.store).list(as: try await world.actor(.secretary)).isEmpty)
            let drafted = try await secretary.post("/quyet-dinh/moi", fields)
            #expect(drafted.status == .seeOther)
            let path = String(try #require(drafted.headers[.location]?.firstMatch(of: /^(\/quyet-dinh\/[0-9a-f-]{36})\?ok=du-thao$/)).1)

            let clerk = try await Self.pages(api, .clerkB)
            #expect(try await clerk.get(path).status == .notFound)
            #expect(!(try await clerk.get("/quyet-dinh").text.contains("năm 2024")))

            let chairman = try await Self.pages(api, .chairman)
            let reading = try await chairman.get(path)
            #expect(reading.status == .ok)
            for line in ["ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM", "Thử Nghiệm, ngày 20 tháng 12 năm 2024", "Về việc khen thưởng &lt;b&gt;năm 2024&lt;/b&gt;",
                         "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Lò Thị Mai", "Ký ban hành quyết định"] {
                #expect(reading.text.contains(line), "\(line)")
            }
            #expect(!(try await secretary.get(path).text.contains("Ký ban hành quyết định")))
            let chairToken = try #require(PageClient.csrf(in: reading.text))
            let noReason = try await chairman.post("\(path)/buoc", [("_csrf", chairToken), ("version", try Self.version(in: reading.text)), ("step", "tra-lai")])
            #expect(noReason.status == .unprocessableContent)
            let sentBack = try await chairman.post("\(path)/buoc", [("_csrf", chairToken), ("version", try Self.version(in: reading.text)),
                                                                  ("step", "tra-lai"), ("reason", "Bổ sung căn cứ Kế hoạch 123")])
            #expect(sentBack.status == .seeOther)

            let returned = try await secretary.get(path)
            #expect(returned.text.contains("Chủ tịch trả lại, lý do:") && returned.text.contains("Bổ sung căn cứ Kế hoạch 123"))
            let resubmitted = try await secretary.post("\(path)/buoc", [("_csrf", try #require(PageClient.csrf(in: returned.text))),
                                                                      ("version", try Self.version(in: returned.text)), ("step", "trinh-lai")])
            #expect(resubmitted.status == .seeOther)

            let again = try await chairman.get(path)
            let signed = try await chairman.post("\(path)/buoc", [("_csrf", chairToken), ("version", try Self.version(in: again.text)), ("step", "ky")])
            #expect(signed.status == .seeOther)
            let done = try await chairman.get(try #require(signed.headers[.location]))
            #expect(done.text.contains("Số: 1/QĐ-UBND") && done.text.contains("Đã ký ban hành quyết định.") && done.text.contains("Vũ Đình Khoa"))
            #expect(!done.text.contains("Ký ban hành quyết định</button>"))
            let twice = try await chairman.post("\(path)/buoc", [("_csrf", chairToken), ("version", try Self.version(in: again.text)), ("step", "ky")])
            #expect(twice.status == .conflict || twice.status == .preconditionFailed)
            #expect(try await chairman.get("/quyet-dinh?trang-thai=signed").text.contains("Số 1/QĐ-UBND"))
            #expect(try await world.nominations.get(nomination.id, as: try await world.actor(.secretary)).state == .decided)
        }
    }

    @Test("bases left empty are the law and decree in force on the decision's day and the plan of the nominations' round")
    func basesFromTheDate() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let series = try await world.addDecisionSeries()
            try await world.asInstaller { connection in
                _ = try await connection.query("""
                    UPDATE thidua.rounds SET plan_citation = 'Kế hoạch số 7/KH-UBND ngày 02 tháng 7 năm 2021 của Ủy ban nhân dân huyện Thử Nghiệm'
                    WHERE id = \(world.round)
                    """)
            }
            let nomination = try await Self.approved(world, "Lò Thị Mai")
            let secretary = try await Self.pages(api, .secretary)
            let token = try await secretary.csrf(on: "/quyet-dinh/moi")
            let drafted = try await secretary.post("/quyet-dinh/moi", [
                ("_csrf", token), ("so", series.lower), ("ngay", "2024-12-20"), ("subject", "Về việc khen thưởng năm 2024"), ("bases", " "),
                ("ho-so", nomination.id.lower), ("hinh-thuc-\(nomination.id.lower)", "giay-khen-chu-tich-huyen")])
            #expect(drafted.status == .seeOther)
            let path = String(try #require(drafted.headers[.location]?.firstMatch(of: /^(\/quyet-dinh\/[0-9a-f-]{36})\?ok=du-thao$/)).1)
            let text = try await secretary.get(path).text
            for line in ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023",
                         "Căn cứ Kế hoạch số 7/KH-UBND ngày 02 tháng 7 năm 2021 của Ủy ban nhân dân huyện Thử Nghiệm;"] {
                #expect(text.contains(line), "\(line)")
            }
            #expect(!text.contains("91/2017"))
        }
    }

    @Test("an armed force's nominee in a signed decision is withheld from other units' staff — API, document, Word file and page — who are told how many; the force, the secretariat and the chairman see it")
    func armedForceItemsWithheld() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let series = try await world.addDecisionSeries()
            let first = try await Self.approved(world, "Lò Thị Mai")
            let second = try await Self.approved(world, "Thào A Sử")
            let decisions = DecisionRepository(store: world.store)
            var decision = try await decisions.draft(DecisionDraft(
                seriesID: series, decidedOn: ISO8601DateFormatter().date(from: "2024-12-20T00:00:00Z")!, subject: "Về việc khen thưởng năm 2024",
                legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
                items: [first, second].map { DecisionItemDraft(nominationID: $0.id, form: "giay-khen-chu-tich-huyen") }), by: try await world.actor(.secretary))
            decision = try await decisions.sign(decision.id, version: decision.version, by: try await world.actor(.chairman))
            // Commune B's nominees now stand for an armed force's: what row-level security keys on is the unit's kind.
            try await world.asInstaller { connection in
                _ = try await connection.query("UPDATE thidua.units SET kind = 'armed_force' WHERE id = \(world.communeB)")
            }
            let outsider = try await api.signIn(.clerkA)
            let reply = try await api.send(.get, "/api/v1/decisions/\(decision.id.lower)", token: outsider)
            #expect(reply.status == .ok && !reply.text.contains("Lò Thị Mai") && !reply.text.contains("Thào A Sử"))
            #expect(try reply.object()["withheldItems"] as? Int == 2)
            let document = try await api.send(.get, "/api/v1/decisions/\(decision.id.lower)/document", token: outsider)
            #expect(!document.text.contains("Lò Thị Mai") && document.text.contains("Cùng 2 tập thể, cá nhân thuộc lực lượng vũ trang"))
            #expect(!document.text.contains("tổng cộng"), "no partial total")
            let word = try await api.send(.get, "/api/v1/decisions/\(decision.id.lower)/document.docx", token: outsider)
            let archive = try Archive(data: Data(word.body.readableBytesView), accessMode: .read)
            var xml = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
            let wordText = String(decoding: xml, as: UTF8.self)
            #expect(word.status == .ok && !wordText.contains("Lò Thị Mai") && wordText.contains("Cùng 2 tập thể, cá nhân thuộc lực lượng vũ trang"))
            let page = try await PageClient(api: api, session: outsider).get("/quyet-dinh/\(decision.id.lower)")
            #expect(page.status == .ok && !page.text.contains("Lò Thị Mai") && page.text.contains("Cùng 2 tập thể, cá nhân"))

            for insider in [RecordsWorld.Person.clerkB, .secretary, .chairman] {
                let seen = try await api.send(.get, "/api/v1/decisions/\(decision.id.lower)", token: try await api.signIn(insider))
                let withheld = try seen.object()["withheldItems"] as? Int
                #expect(seen.text.contains("Lò Thị Mai") && seen.text.contains("Thào A Sử") && withheld == 0, "\(insider)")
            }
        }
    }
}
