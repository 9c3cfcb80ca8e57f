import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// The nomination form over real HTTP and a real database: a household nominated with the movement's criteria
/// checklist and figures by year; a refused save keeps what was typed and writes nothing; an edit of a returned
/// nomination shows as the changes since its return.
@Suite("NominationFormPageTests")
struct NominationFormPageTests {
    static func pages(_ api: APIClient, _ person: RecordsWorld.Person) async throws -> PageClient {
        PageClient(api: api, session: try await api.signIn(person))
    }

    @Test("a clerk nominates a household from the form: criteria ticked with evidence, figures by year in Vietnamese notation; a bad figure keeps the form and writes nothing")
    func householdNomination() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await Self.pages(api, .clerkA)
            let query = "dot=\(world.round.lower)&phong-trao=\(world.movement.lower)&loai=household"
            let chooser = try await clerk.get("/ho-so/moi")
            #expect(chooser.status == .ok && chooser.text.contains("Hộ gia đình"))
            let wrongKind = try await clerk.get("/ho-so/moi?dot=\(world.round.lower)&phong-trao=\(world.movement.lower)&loai=locality")
            #expect(wrongKind.text.contains("không nhận đề nghị loại"))
            let form = try await clerk.get("/ho-so/moi?\(query)")
            #expect(form.text.contains("Đóng góp ngày công") && form.text.contains("Hiến đất làm đường"))
            #expect(form.text.contains("name=\"cs-workdays-2019\"") && form.text.contains("name=\"cs-workdays-2021\""))
            let token = try #require(PageClient.csrf(in: form.text))
            var fields = [("_csrf", token), ("version", "0"), ("dot", world.round.lower), ("phong-trao", world.movement.lower), ("loai", "household"),
                          ("ten", "Hộ ông <script>alert(1)</script>"), ("danh-hieu", "Hộ gia đình tiêu biểu"), ("thanh-tich", "Hiến 300 m² đất"),
                          ("tc-c1", "dat"), ("mc-c1", "120 ngày công"), ("mc-c2", "Đang làm thủ tục"),
                          ("cs-workdays-2019", "1.250,5"), ("cs-workdays-2020", "abc")]
            let refused = try await clerk.post("/ho-so/moi", fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("phải là một số") && refused.text.contains("value=\"abc\"") && refused.text.contains("120 ngày công"))
            #expect(try await world.nominations.list(NominationFilter(), as: try await world.actor(.clerkA)).isEmpty)

            fields = fields.map { $0.0 == "cs-workdays-2020" ? ($0.0, "1300") : $0 }
            let saved = try await clerk.post("/ho-so/moi", fields)
            #expect(saved.status == .seeOther)
            let id = try #require(saved.headers[.location]?.firstMatch(of: /^\/ho-so\/([0-9a-f-]{36})\?ok=lap-ho-so$/)).1
            let nomination = try await world.nominations.get(UUID(uuidString: String(id))!, as: try await world.actor(.clerkA))
            #expect(nomination.nomineeKind == .household && nomination.state == .draft)
            #expect(nomination.criteriaAnswers["c1"] == CriterionAnswer(met: true, evidence: "120 ngày công"))
            #expect(nomination.criteriaAnswers["c2"] == CriterionAnswer(met: false, evidence: "Đang làm thủ tục"))
            #expect(nomination.indicators["workdays"] == ["2019": Decimal(string: "1250.5")!, "2020": 1300])
            let page = try await clerk.get(saved.headers[.location]!)
            #expect(page.text.contains("Hộ ông &lt;script&gt;alert(1)&lt;/script&gt;") && !page.text.contains("<script>alert(1)"))
            #expect(page.text.contains("Còn thiếu tài liệu bắt buộc"))
            #expect(page.text.contains("/ho-so/\(id)/sua"))
            // Another commune's clerk can neither open it nor post to it.
            let other = try await Self.pages(api, .clerkB)
            #expect(try await other.get("/ho-so/\(id)/sua").status == .notFound)
            let forged = try await other.post("/ho-so/\(id)/sua", [("_csrf", try await other.csrf(on: "/ho-so")), ("version", "1"), ("ten", "Đổi tên")])
            #expect(forged.status == .notFound)
            #expect(try await world.nominations.get(nomination.id, as: try await world.actor(.clerkA)).nomineeName == "Hộ ông <script>alert(1)</script>")
        }
    }

    @Test("a returned nomination edited from the form shows the change since its return as a readable diff")
    func editAfterReturn() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerkActor = try await world.actor(.clerkA)
            var nomination = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: clerkActor)
            try await world.completeDossier(of: nomination.id, by: clerkActor)
            nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(.headA))
            nomination = try await world.nominations.perform(.returnByLeadUnit, on: nomination.id, version: nomination.version,
                                                            reason: "Tóm tắt thành tích còn sơ sài", by: try await world.actor(.leadHead))
            let clerk = try await Self.pages(api, .clerkA)
            let path = "/ho-so/\(nomination.id.lower)/sua"
            let form = try await clerk.get(path)
            #expect(form.status == .ok && form.text.contains("value=\"Lò Thị Mai\""))
            let fields = [("_csrf", try #require(PageClient.csrf(in: form.text))), ("version", String(nomination.version)), ("ten", "Lò Thị Mai"),
                          ("danh-hieu", nomination.title), ("thanh-tich", "Năm 2021 vận động 40 hộ hiến đất")]
            let saved = try await clerk.post(path, fields)
            #expect(saved.status == .seeOther)
            let stale = try await clerk.post(path, fields)
            #expect(stale.status == .preconditionFailed)
            let record = try await clerk.get("/ho-so/\(nomination.id.lower)").text
            #expect(record.contains("Đã sửa từ khi bị trả lại") && record.contains("<ins>Năm 2021 vận động 40 hộ hiến đất</ins>"))

            // Who may read the record but not change it is refused as such; a record under review takes no edit.
            let auditor = try await Self.pages(api, .auditor)
            #expect(try await auditor.get(path).status == .forbidden)
            nomination = try await world.nominations.get(nomination.id, as: clerkActor)
            _ = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(.headA))
            let submitted = try await clerk.get(path)
            #expect(submitted.status == .conflict && submitted.text.contains("role=\"alert\""))
        }
    }
}
