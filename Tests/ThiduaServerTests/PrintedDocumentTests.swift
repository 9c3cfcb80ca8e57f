import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The documents people print, over HTTP (issue 4 §6): the council's minutes and a decision's certificates are
/// HTML pages for A4 with every stored value escaped, or their data as JSON that follows openapi.yaml when the
/// client asks for `application/json`.
@Suite("PrintedDocumentTests")
struct PrintedDocumentTests {
    static let hostileName = #"<script>alert("x")</script> Lò Thị Mai & con"#
    static let escapedName = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Lò Thị Mai &amp; con"
    static let members = ["Hoàng Văn Thụ", "Vũ Đình Khoa", "Lý Văn Sáng"]
    static let choiceLabels = ["Tán thành", "Không tán thành", "Không biểu quyết"]

    @Test("the minutes: an escaped HTML page for A4 (a draft while open), JSON that validates, each vote under an open ballot and no member beside a choice under a secret one; unknown is 404")
    func minutes() async throws {
        try await APIWorld.run { world, api in
            let contract = try OpenAPIContract(yaml: try await api.send(.get, "/openapi.yaml").text)
            let secretary = try await api.signIn(.secretary), member = try await api.signIn(.member)
            let chairman = try await api.signIn(.chairman), clerk = try await api.signIn(.clerkB)
            let hostile = try await world.verified(Self.hostileName)
            var session = try await world.councilReviews.open(
                round: world.round, title: "Phiên họp <b>thử</b>", nominations: [hostile.id], by: try await world.actor(.secretary))
            let path = "/api/v1/council/sessions/\(session.id.lower)/minutes"
            _ = try await api.send(.put, "/api/v1/council/sessions/\(session.id.lower)/votes/\(hostile.id.lower)", token: member,
                                   json: ["choice": "approve", "comment": "Đồng ý <i>hoàn toàn</i>", "version": 0])

            let draft = try await api.send(.get, path, token: secretary)
            #expect(draft.status == .ok && draft.headers[.contentType] == "text/html; charset=utf-8" && draft.headers[.vary] == "Accept")
            #expect(draft.text.contains("DỰ THẢO") && draft.text.contains("@page") && draft.text.contains("A4"))
            #expect(draft.text.contains(Self.escapedName) && !draft.text.contains("<script>"), "\(draft.text)")
            #expect(draft.text.contains("Phiên họp &lt;b&gt;thử&lt;/b&gt;") && draft.text.contains("Đồng ý &lt;i&gt;hoàn toàn&lt;/i&gt;"))

            _ = try await api.send(.put, "/api/v1/council/sessions/\(session.id.lower)/votes/\(hostile.id.lower)", token: chairman,
                                   json: ["choice": "reject", "version": 0])
            session = try await world.councilReviews.close(session.id, version: session.version, by: try await world.actor(.secretary))
            let page = try await api.send(.get, path, token: member, headers: [.accept: "text/html,application/xhtml+xml,*/*;q=0.8"])
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8" && !page.text.contains("DỰ THẢO"))
            // The open ballot names each member beside their vote: the check below is not vacuous.
            #expect(Self.elements(of: page.text).contains { $0.contains("Hoàng Văn Thụ") && $0.contains("Tán thành") })
            #expect(Self.elements(of: page.text).contains { $0.contains("Vũ Đình Khoa") && $0.contains("Không tán thành") })
            let data = try await api.send(.get, path, token: secretary, headers: [.accept: "application/json"])
            #expect(data.status == .ok && data.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try Self.violations(of: data, at: "/api/v1/council/sessions/{id}/minutes", in: contract).isEmpty)
            #expect(try data.object()["isDraft"] as? Bool == false)

            // A secret ballot: counts only, in the page and in the data.
            let secretRule = try #require(try await world.councilReviews.rules(as: try await world.actor(.secretary))
                .first { $0.code == "ninety-percent-secret" })
            let other = try await world.verified("Sùng A Páo")
            let secret = try await world.councilReviews.open(
                round: world.round, title: "Phiên họp bỏ phiếu kín", nominations: [other.id], rule: secretRule.id, by: try await world.actor(.secretary))
            for (token, choice) in [(member, "approve"), (chairman, "reject")] {
                _ = try await api.send(.put, "/api/v1/council/sessions/\(secret.id.lower)/votes/\(other.id.lower)", token: token,
                                       json: ["choice": choice, "version": 0])
            }
            _ = try await world.councilReviews.close(secret.id, version: secret.version, by: try await world.actor(.secretary))
            let secretPath = "/api/v1/council/sessions/\(secret.id.lower)/minutes"
            for token in [secretary, member, chairman] {
                let html = try await api.send(.get, secretPath, token: token).text
                #expect(html.contains("tán thành: 1; không tán thành: 1"), "\(html)")
                let links = Self.elements(of: html).filter { element in
                    Self.members.contains { element.contains($0) } && Self.choiceLabels.contains { element.contains($0) }
                }
                #expect(links.isEmpty, "a member beside a choice: \(links)")
                let json = try await api.send(.get, secretPath, token: token, headers: [.accept: "application/json"])
                #expect(try Self.violations(of: json, at: "/api/v1/council/sessions/{id}/minutes", in: contract).isEmpty)
                let items = try #require(try json.object()["items"] as? [[String: Any]])
                #expect(items.allSatisfy { ($0["votes"] as? [Any])?.isEmpty == true } && !json.text.contains("choice"))
            }

            #expect(try await api.send(.get, "/api/v1/council/sessions/\(UUID().lower)/minutes", token: secretary).status == .notFound)
            #expect(try await api.send(.get, "/api/v1/council/sessions/nope/minutes", token: secretary).status == .notFound)
            let refused = try await api.send(.get, path, token: clerk)
            #expect(refused.status == .forbidden && refused.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test("the certificates: one escaped A4 page each with page breaks, JSON that validates, 409 for a draft decision, 404 for an unknown one")
    func certificates() async throws {
        try await APIWorld.run { world, api in
            let contract = try OpenAPIContract(yaml: try await api.send(.get, "/openapi.yaml").text)
            let secretary = try await api.signIn(.secretary), chairman = try await api.signIn(.chairman)
            let series = try await world.addDecisionSeries()
            let nominations = [try await world.verified(Self.hostileName), try await world.verified("Sùng A Páo")]
            let session = try await world.councilReviews.open(
                round: world.round, title: "Phiên họp", nominations: nominations.map(\.id), by: try await world.actor(.secretary))
            for nomination in nominations {
                for person in [RecordsWorld.Person.member, .chairman] {
                    _ = try await world.councilReviews.vote(.approve, on: nomination.id, in: session.id, version: 0, by: try await world.actor(person))
                }
            }
            _ = try await world.councilReviews.close(session.id, version: session.version, by: try await world.actor(.secretary))
            let drafted = try await api.send(.post, "/api/v1/decisions", token: secretary, json: [
                "seriesID": series.lower, "decidedOn": "2024-12-20T00:00:00Z", "subject": "Về việc khen thưởng",
                "legalBases": ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
                "items": nominations.map { ["nominationID": $0.id.lower, "form": "giay-khen-chu-tich-huyen", "type": "by_movement"] },
            ])
            let decision = try #require(try drafted.object()["id"] as? String, "\(drafted.text)")
            let path = "/api/v1/decisions/\(decision)/certificates"
            let early = try await api.send(.get, path, token: secretary)
            #expect(early.status == .conflict && early.errorCode == "decision_state", "\(early.text)")

            _ = try await api.send(.post, "/api/v1/decisions/\(decision)/sign", token: chairman, json: ["version": 1])
            let page = try await api.send(.get, path, token: secretary)
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8", "\(page.text)")
            #expect(page.text.components(separatedBy: #"<section class="certificate">"#).count - 1 == 2)
            #expect(page.text.contains("page-break-after: always") && page.text.contains("size: A4 landscape"))
            #expect(page.text.contains(Self.escapedName) && !page.text.contains("<script>"))
            #expect(page.text.contains("TẶNG GIẤY KHEN") && page.text.contains("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THỬ NGHIỆM"))
            #expect(page.text.contains("Quyết định số 1/QĐ-UBND ngày 20 tháng 12 năm 2024") && page.text.contains("1/QĐ-UBND-02"))
            let data = try await api.send(.get, path, token: chairman, headers: [.accept: "application/json"])
            #expect(data.status == .ok && data.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try Self.violations(of: data, at: "/api/v1/decisions/{id}/certificates", in: contract).isEmpty)
            #expect(try data.array().compactMap { $0["recipientName"] as? String } == [Self.hostileName, "Sùng A Páo"])

            #expect(try await api.send(.get, "/api/v1/decisions/\(UUID().lower)/certificates", token: secretary).status == .notFound)
            #expect(try await api.send(.get, path, token: try await api.signIn(.clerkB)).status == .forbidden)
        }
    }

    /// Table rows and list items of a page: the elements that put a name beside a value.
    static func elements(of html: String) -> [String] {
        ["tr", "li"].flatMap { tag in
            html.components(separatedBy: "<\(tag)").dropFirst().map { $0.components(separatedBy: "</\(tag)>").first ?? $0 }
        }
    }

    /// Where a 200 JSON reply breaks the schema openapi.yaml gives the operation.
    static func violations(of reply: Reply, at template: String, in contract: OpenAPIContract) throws -> [String] {
        let response = try #require(contract.response(method: "GET", template: template, status: 200))
        let content = try #require(response["content"] as? [String: Any])
        #expect(content["text/html"] != nil, "\(template) documents its page")
        let schema = try #require((content["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        return contract.violations(of: try JSONDecoder().decode(JSONValue.self, from: Data(reply.body.readableBytesView)), against: schema)
    }
}
