import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Synchronization
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTesting

/// The server follows openapi.yaml: every route it answers to machines is in the contract and every operation
/// in the contract is a route (the web pages are for people, tested by `WebPageTests`); and every response seen while exercising each operation (and the other suites' stories)
/// has a documented status and a body that validates against the documented schema.
@Suite("ContractTests")
struct ContractTests {
    @Test("the routes the server answers are exactly the operations of openapi.yaml")
    func routesMatchTheContract() async throws {
        try await APIWorld.run { world, api in
            let contract = try OpenAPIContract(yaml: try await api.send(.get, "/openapi.yaml").text)
            let router = ThiduaApplication.router(pool: world.pool, configuration: .init())
            let routes = Set(router.routes.filter { ThiduaApplication.isMachinePath($0.path.description) }
                .map { "\($0.method.rawValue) \($0.path.description)" })
            #expect(routes.subtracting(contract.operations).sorted() == [], "routes missing from openapi.yaml")
            #expect(contract.operations.subtracting(routes).sorted() == [], "operations in openapi.yaml the server lacks")
        }
    }

    @Test("exercising every operation: each response's status is documented and its body validates")
    func everyOperationsResponsesValidate() async throws {
        let samples = SampleLog()
        let served = Mutex("")
        try await APIWorld.run(samples: samples) { world, api in
            let text = try await api.send(.get, "/openapi.yaml").text
            served.withLock { $0 = text }
            try await Self.exerciseEveryOperation(world, api)
        }
        let contract = try OpenAPIContract(yaml: served.withLock { $0 })
        var exercised = Set<String>()
        for sample in samples.all {
            guard let template = contract.template(for: sample.path) else {
                Issue.record("\(sample.method) \(sample.path) matches no path of the contract")
                continue
            }
            exercised.insert("\(sample.method.rawValue) \(template)")
            guard let response = contract.response(method: sample.method.rawValue, template: template, status: sample.status) else {
                Issue.record("\(sample.method) \(template) answered \(sample.status), which the contract does not document")
                continue
            }
            guard sample.contentType?.hasPrefix("application/json") == true else { continue }
            let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
            guard let schema else {
                Issue.record("\(sample.method) \(template) \(sample.status) returned JSON the contract does not describe")
                continue
            }
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(sample.body.readableBytesView))
            let problems = contract.violations(of: value, against: schema)
            #expect(problems.isEmpty, "\(sample.method) \(template) \(sample.status): \(problems.prefix(5))")
        }
        #expect(contract.operations.subtracting(exercised).sorted() == [], "operations never exercised")
        #expect(samples.all.count > 40)
    }

    @Test("the checker itself refuses what breaks the contract: a missing field, a wrong type, an unknown field, a bad enum")
    func theCheckerIsNotVacuous() async throws {
        try await APIWorld.run { _, api in
            let contract = try OpenAPIContract(yaml: try await api.send(.get, "/openapi.yaml").text)
            let schema = try #require(contract.resolve("#/components/schemas/Error"))
            func check(_ json: String) throws -> [String] {
                contract.violations(of: try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)), against: schema)
            }
            #expect(try check(#"{"error": {"code": "x", "vietnamese": "v", "english": "e", "requestId": "r"}}"#).isEmpty)
            #expect(try check(#"{"error": {"code": "x", "vietnamese": "v", "english": "e"}}"#) == ["$.error.requestId: required but missing"])
            #expect(try check(#"{"error": {"code": 1, "vietnamese": "v", "english": "e", "requestId": "r"}}"#).count == 1)
            #expect(try check(#"{"error": {"code": "x", "vietnamese": "v", "english": "e", "requestId": "r", "extra": 1}}"#).count == 1)
            let state = try #require(contract.resolve("#/components/schemas/NominationState"))
            #expect(!contract.violations(of: .string("archived"), against: state).isEmpty)
        }
    }

    /// Calls every operation at least once, mostly successfully, as the person whose job it is.
    static func exerciseEveryOperation(_ world: RecordsWorld, _ api: APIClient) async throws {
        _ = try await api.send(.get, "/health")
        _ = try await api.send(.get, "/ready")
        _ = try await api.send(.get, "/metrics")
        let clerk = try await api.signIn(.clerkA), head = try await api.signIn(.headA), lead = try await api.signIn(.leadHead)
        let secretary = try await api.signIn(.secretary), auditor = try await api.signIn(.auditor), admin = try await api.signIn(.admin)
        _ = try await api.send(.post, "/api/v1/sessions", json: ["username": "clerka", "password": "sai"])
        _ = try await api.send(.get, "/api/v1/me", token: clerk)
        _ = try await api.send(.get, "/api/v1/units", token: clerk)
        _ = try await api.send(.get, "/api/v1/units?on=2021-06-01", token: clerk)
        _ = try await api.send(.get, "/api/v1/movements", token: clerk)
        let rounds = try await api.send(.get, "/api/v1/rounds", token: clerk).array()
        #expect(rounds.compactMap { $0["id"] as? String }.map { $0.lowercased() } == [world.round.lower])
        _ = try await api.send(.get, "/api/v1/movements/\(world.movement.lower)", token: clerk)

        let created = try await api.send(.post, "/api/v1/nominations", token: clerk, json: [
            "roundID": world.round.lower, "movementID": world.movement.lower,
            "nominee": ["kind": "individual", "name": "Sùng A Lầu"],
            "criteriaAnswers": ["c1": ["met": true, "evidence": "100 ngày công"]], "indicators": ["workdays": ["2021": 100]],
        ])
        let id = try #require(try created.object()["id"] as? String)
        _ = try await api.send(.post, "/api/v1/nominations", token: clerk, json: ["roundID": world.round.lower])
        let template = "Mã đợt,Mã phong trào,Loại đối tượng,\"Tên tập thể, cá nhân, hộ gia đình\"\r\n"
        let imported = try await api.send(.post, "/api/v1/nominations/import", token: clerk,
                                          body: ByteBuffer(string: template + "thu-2021,nong-thon-moi,Cá nhân,Vàng Thị Dính\r\n"), headers: [.contentType: "text/csv"])
        #expect(imported.status == .created, "\(imported.text)")
        let refusedImport = try await api.send(.post, "/api/v1/nominations/import", token: clerk,
                                               body: ByteBuffer(string: template + "thu-2021,khong-co,Cá nhân,Vàng A Dếnh\r\n"), headers: [.contentType: "text/csv"])
        #expect(refusedImport.status == .unprocessableContent && refusedImport.text.contains("import_refused"), "\(refusedImport.text)")
        _ = try await api.send(.post, "/api/v1/nominations/import", token: clerk, body: ByteBuffer(string: "x"), headers: [.contentType: "text/plain"])
        _ = try await api.send(.get, "/api/v1/nominations?q=sung%20a&state=draft,submitted&limit=10", token: clerk)
        _ = try await api.send(.get, "/api/v1/nominations/\(id)", token: clerk)
        _ = try await api.send(.put, "/api/v1/nominations/\(id)", token: clerk, json: ["nomineeName": "Sùng A Lầu", "title": "Điển hình", "version": 1])
        var attachmentID = ""
        for kind in ["request", "achievement_report", "review_minutes"] {
            let upload = try await api.send(.post, "/api/v1/nominations/\(id)/attachments?kind=\(kind)&fileName=\(kind).pdf", token: clerk,
                                            body: ByteBuffer(string: "%PDF-1.4"), headers: [.contentType: "application/pdf"])
            attachmentID = try upload.object()["id"] as? String ?? ""
        }
        _ = try await api.send(.get, "/api/v1/nominations/\(id)/attachments", token: clerk)
        _ = try await api.send(.get, "/api/v1/attachments/\(attachmentID)/content", token: clerk)
        _ = try await api.send(.post, "/api/v1/nominations/\(id)/transitions", token: head, json: ["event": "submit", "version": 2])
        _ = try await api.send(.post, "/api/v1/nominations/\(id)/transitions", token: head, json: ["event": "submit", "version": 3])
        _ = try await api.send(.post, "/api/v1/nominations/\(id)/transitions", token: lead, json: ["event": "return_by_lead_unit", "reason": "Bổ sung minh chứng", "version": 3])
        _ = try await api.send(.get, "/api/v1/nominations/\(id)/changes", token: lead)
        _ = try await api.send(.get, "/api/v1/nominations/\(id)/history", token: auditor)
        _ = try await api.send(.get, "/api/v1/nominations/\(id)/as-of?at=\(ISO8601DateFormatter().string(from: Date()))", token: auditor)
        _ = try await api.send(.get, "/api/v1/audit/records/nominations/\(id)", token: auditor)
        _ = try await api.send(.get, "/api/v1/audit/users/\(world.users[.clerkA]!.lower)", token: auditor)
        _ = try await api.send(.get, "/api/v1/audit/verification", token: auditor)
        _ = try await api.send(.get, "/api/v1/audit/verification?expectRoot=\(String(repeating: "0", count: 64))", token: auditor)
        _ = try await api.send(.get, "/api/v1/audit/verification?expectRoot=x", token: auditor)
        _ = try await api.send(.get, "/api/v1/rounds/\(world.round.lower)/compliance", token: secretary)
        let exception: [String: Any] = ["unit": world.communeA.lower, "until": "2099-12-20T17:00:00+07:00", "reason": "Mất điện ngày nộp"]
        _ = try await api.send(.post, "/api/v1/rounds/\(world.round.lower)/deadline-exceptions", token: secretary, json: exception)
        _ = try await api.send(.post, "/api/v1/rounds/\(world.round.lower)/deadline-exceptions", token: clerk, json: exception)
        _ = try await api.send(.post, "/api/v1/rounds/\(world.round.lower)/deadline-exceptions", token: secretary, json: ["unit": world.communeA.lower])

        let member = try await api.signIn(.member), chairman = try await api.signIn(.chairman)
        _ = try await api.send(.get, "/api/v1/council/rules", token: secretary)
        let verified = try await Self.verifiedNomination(world, api, clerk: clerk, head: head, lead: lead, secretary: secretary)
        let opened = try await api.send(.post, "/api/v1/council/sessions", token: secretary, json: [
            "roundID": world.round.lower, "title": "Phiên họp thử", "nominations": [verified],
        ])
        let session = try #require(try opened.object()["id"] as? String)
        _ = try await api.send(.post, "/api/v1/council/sessions/\(session)/recusals", token: member, json: ["nominationID": verified, "reason": "Người thân"])
        _ = try await api.send(.put, "/api/v1/council/sessions/\(session)/votes/\(verified)", token: chairman, json: ["choice": "approve", "version": 0])
        _ = try await api.send(.put, "/api/v1/council/sessions/\(session)/votes/\(verified)", token: member, json: ["choice": "approve", "version": 0])
        _ = try await api.send(.get, "/api/v1/council/sessions/\(session)", token: member)
        _ = try await api.send(.get, "/api/v1/council/sessions", token: member)
        _ = try await api.send(.get, "/api/v1/council/sessions", token: clerk)
        _ = try await api.send(.post, "/api/v1/council/sessions/\(session)/close", token: secretary, json: ["version": 9])
        let member2 = try await api.signIn(.member2)
        _ = try await api.send(.put, "/api/v1/council/sessions/\(session)/votes/\(verified)", token: member2, json: ["choice": "approve", "version": 0])
        _ = try await api.send(.post, "/api/v1/council/sessions/\(session)/close", token: secretary, json: ["version": 1])
        _ = try await api.send(.get, "/api/v1/council/sessions/\(session)/minutes", token: secretary)
        _ = try await api.send(.get, "/api/v1/council/sessions/\(session)/minutes", token: member, headers: [.accept: "application/json"])
        _ = try await api.send(.get, "/api/v1/council/sessions/\(session)/minutes", token: clerk, headers: [.accept: "application/json"])
        _ = try await api.send(.get, "/api/v1/council/sessions/\(UUID().lower)/minutes", token: secretary)

        let series = try await world.addDecisionSeries()
        _ = try await api.send(.get, "/api/v1/decision-series", token: secretary)
        let drafted = try await api.send(.post, "/api/v1/decisions", token: secretary, json: [
            "seriesID": series.lower, "decidedOn": "2024-12-20T00:00:00Z", "subject": "Về việc khen thưởng", "legalBases": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"],
            "items": [["nominationID": verified, "form": "giay-khen-chu-tich-huyen", "type": "by_movement"]],
        ])
        let decision = try #require(try drafted.object()["id"] as? String, "\(drafted.text)")
        _ = try await api.send(.get, "/api/v1/decisions?state=draft,returned", token: secretary)
        _ = try await api.send(.get, "/api/v1/decisions?state=submitted", token: secretary)
        _ = try await api.send(.post, "/api/v1/decisions", token: clerk, json: [
            "seriesID": series.lower, "decidedOn": "2024-12-20T00:00:00Z", "subject": "x", "legalBases": [], "items": [],
        ])
        // The item taken out and put back (the achievement is free again once out), then sent back and signed.
        let item = try #require((try drafted.object()["items"] as? [[String: Any]])?.first?["id"] as? String)
        let itemJSON: [String: Any] = ["nominationID": verified, "form": "giay-khen-chu-tich-huyen", "type": "by_movement"]
        #expect(try await api.send(.delete, "/api/v1/decisions/\(decision)/items/\(item)", token: secretary, headers: [.ifMatch: "\"v1\""]).status == .ok)
        _ = try await api.send(.delete, "/api/v1/decisions/\(decision)/items/\(item)", token: secretary, headers: [.ifMatch: "\"v2\""])
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/items", token: secretary, json: ["items": [itemJSON]])
        #expect(try await api.send(.post, "/api/v1/decisions/\(decision)/items", token: secretary, json: ["items": [itemJSON], "version": 2]).status == .ok)
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/send-back", token: chairman, json: ["reason": "Sửa trích yếu", "version": 3])
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/resubmit", token: secretary, json: ["version": 4])
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)", token: secretary)
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)/certificates", token: secretary, headers: [.accept: "application/json"])
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/sign", token: chairman, json: ["version": 4])
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/sign", token: chairman, json: ["version": 5])
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)/document", token: secretary)
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)/document.docx", token: secretary)
        _ = try await api.send(.get, "/api/v1/decisions/\(UUID().lower)/document.docx", token: secretary)
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)/document.pdf", token: secretary)
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)/certificates", token: secretary)
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)/certificates", token: chairman, headers: [.accept: "application/json"])
        _ = try await api.send(.get, "/api/v1/decisions/\(decision)/certificates", token: clerk)
        _ = try await api.send(.get, "/api/v1/decisions/\(UUID().lower)/certificates", token: auditor)
        let nominee = try #require(try await api.send(.get, "/api/v1/nominations/\(verified)", token: secretary).object()["nomineeID"] as? String)
        _ = try await api.send(.get, "/api/v1/nominees/\(nominee)/commendations", token: secretary)
        let signedItem = try #require((try await api.send(.get, "/api/v1/decisions/\(decision)", token: secretary).object()["items"] as? [[String: Any]])?
            .first { $0["removed"] as? Bool != true }?["id"] as? String)
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/items/\(signedItem)/answer", token: secretary, json: [
            "answer": "granted", "reference": "1234/QĐ-UBND ngày 10/01/2025", "answeredOn": "2025-01-10"])
        try await Self.exerciseRulesOperations(world, api, nominee: nominee, secretary: secretary, clerk: clerk)
        // Last, as it revokes the commendation the rules' operations follow up.
        let revocationBody: [String: Any] = [
            "decidedOn": "2025-03-01", "subject": "Về việc hủy bỏ quyết định khen thưởng", "legalBases": ["Luật Thi đua, khen thưởng 2022, điều 87"],
            "reason": "Hồ sơ khai không đúng sự thật"]
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/revocations", token: clerk, json: revocationBody)
        _ = try await api.send(.post, "/api/v1/decisions/\(decision)/revocations", token: secretary, json: revocationBody.merging(["reason": " "]) { $1 })
        let revocation = try await api.send(.post, "/api/v1/decisions/\(decision)/revocations", token: secretary, json: revocationBody)
        #expect(revocation.status == .created, "\(revocation.text)")
        let revocationID = try #require(try revocation.object()["id"] as? String)
        #expect(try await api.send(.post, "/api/v1/decisions/\(revocationID)/sign", token: chairman, json: ["version": 1]).status == .ok)
        let history = try await api.send(.get, "/api/v1/nominees/\(nominee)/commendations", token: secretary).array()
        #expect(history.count == 1 && history.allSatisfy { $0["revokedAt"] != nil }, "the commendation stays, marked revoked")
        _ = try await api.send(.get, "/api/v1/reports/yearly/2021", token: secretary)
        let plan: [String: Any] = ["unitID": world.communeA.lower, "period": "2021-2025", "number": "15/KH-UBND", "issuedOn": "2021-08-02", "receivedOn": "2021-08-05"]
        _ = try await api.send(.post, "/api/v1/unit-plans", token: secretary, json: plan)
        _ = try await api.send(.post, "/api/v1/unit-plans", token: secretary, json: plan)
        _ = try await api.send(.post, "/api/v1/unit-plans", token: clerk, json: plan)
        _ = try await api.send(.post, "/api/v1/unit-plans", token: secretary, json: plan.merging(["issuedOn": "2/8/2021"]) { $1 })
        _ = try await api.send(.get, "/api/v1/reports/unit-plans?period=2021-2025", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/unit-plans?period=abc", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/yearly/2024", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/yearly/1900", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/yearly/2021", token: clerk)
        _ = try await api.send(.get, "/api/v1/reports/movements?year=2021", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/movements?year=abc", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/movements?year=2021", token: clerk)
        _ = try await api.send(.get, "/api/v1/reports/review-summary?kind=final", token: secretary)
        try await world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.emulation_reviews (area_id, code, kind, level, name, year, held_on, basis, period) VALUES
                    ('test/huyen', 'so-ket-2023', 'mid_term_review', 'district', 'Sơ kết giữa kỳ', 2023, '2023-06-11', 'PLAN.md §6', '2021-2025'),
                    ('test/huyen', 'dai-hoi-huyen-iii', 'congress', 'district', 'Đại hội Thi đua yêu nước huyện lần thứ III', 2025, NULL, 'PLAN.md §6', NULL)
                """)
        }
        _ = try await api.send(.get, "/api/v1/reports/review-summary?kind=mid-term", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/review-summary?kind=tong-ket", token: secretary)
        _ = try await api.send(.get, "/api/v1/reports/review-summary?kind=mid-term", token: clerk)
        _ = try await api.send(.get, "/api/v1/reports/overdue?asOf=\(ISO8601DateFormatter().string(from: Date().addingTimeInterval(60 * 86_400)))", token: secretary)

        let user = try await api.send(.post, "/api/v1/users", token: admin, json: [
            "unitID": world.communeA.lower, "username": "sinchai.moi", "fullName": "Giàng Thị Súa", "password": "mật khẩu đủ dài",
        ])
        let userID = try #require(try user.object()["id"] as? String)
        _ = try await api.send(.post, "/api/v1/users/\(userID)/roles", token: admin, json: ["role": "unit_clerk"])
        _ = try await api.send(.get, "/api/v1/users/\(userID)", token: admin)
        _ = try await api.send(.get, "/api/v1/users", token: auditor)
        _ = try await api.send(.get, "/api/v1/users/\(userID)", token: clerk)
        _ = try await api.send(.get, "/api/v1/users/\(UUID().lower)", token: admin)
        _ = try await api.send(.delete, "/api/v1/users/\(userID)/roles/unit_clerk?reason=Nh%E1%BA%A7m", token: admin)
        _ = try await api.send(.post, "/api/v1/users/\(userID)/disable", token: admin, json: ["reason": "Nghỉ việc"])
        _ = try await api.send(.post, "/api/v1/users/\(userID)/enable", token: admin, json: ["reason": "Trở lại"])
        _ = try await api.send(.put, "/api/v1/me/password", token: clerk, json: ["oldPassword": APIClient.password, "newPassword": "một mật khẩu mới"])
        _ = try await api.send(.delete, "/api/v1/sessions/current", token: clerk)
    }

    /// A commune B nomination taken to `verified` over HTTP (no council member sits for commune B).
    static func verifiedNomination(_ world: RecordsWorld, _ api: APIClient, clerk: String, head: String, lead: String, secretary: String) async throws -> String {
        let clerkB = try await api.signIn(.clerkB), headB = try await api.signIn(.headB)
        let created = try await api.send(.post, "/api/v1/nominations", token: clerkB, json: [
            "roundID": world.round.lower, "movementID": world.movement.lower, "nominee": ["kind": "household", "name": "Hộ ông Vàng A Dế", "recipientClass": "household"],
        ])
        let id = try #require(try created.object()["id"] as? String)
        for kind in ["request", "achievement_report", "review_minutes"] {
            _ = try await api.send(.post, "/api/v1/nominations/\(id)/attachments?kind=\(kind)&fileName=\(kind).pdf", token: clerkB,
                                   body: ByteBuffer(string: "%PDF-1.4"), headers: [.contentType: "application/pdf"])
        }
        for (event, token, version) in [("submit", headB, 1), ("endorse", lead, 2), ("verify", secretary, 3)] {
            let step = try await api.send(.post, "/api/v1/nominations/\(id)/transitions", token: token, json: ["event": event, "version": version])
            guard step.status == .ok else { throw Failure("\(event): \(step.text)") }
        }
        return id
    }
}
