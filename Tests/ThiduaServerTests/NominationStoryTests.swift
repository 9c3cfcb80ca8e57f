import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The story of one nomination through real HTTP, each step by the person whose job it is (issue 5):
/// a commune clerk drafts and documents it, the head submits, the lead unit endorses, the secretariat returns
/// it, the commune fixes and resubmits, the lead unit endorses again, the secretariat sees what changed and
/// verifies, the council votes on it (a member recused by default, a vote changed), the secretariat closes the
/// session, the chairman signs the decision that commends it, and an auditor reads the whole history with each
/// step's request id.
@Suite("NominationStoryTests")
struct NominationStoryTests {
    static let samples = SampleLog()

    @Test("draft → submit → endorse → return → fix → resubmit → endorse → verify → council vote → signed decision, then the auditor's history")
    func oneNominationFromDraftToVerified() async throws {
        try await APIWorld.run(samples: Self.samples) { world, api in
            let clerk = try await api.signIn(.clerkA)
            let head = try await api.signIn(.headA)
            let lead = try await api.signIn(.leadHead)
            let secretary = try await api.signIn(.secretary)
            let auditor = try await api.signIn(.auditor)

            let created = try await api.send(.post, "/api/v1/nominations", token: clerk, json: [
                "roundID": world.round.lower, "movementID": world.movement.lower,
                "nominee": ["kind": "individual", "name": "Giàng A Páo", "personal": ["dateOfBirth": "1979-05-02", "ethnicity": "Hmông"]],
                "title": "Cá nhân điển hình tiên tiến", "achievements": "Vận động 35 hộ hiến đất làm đường.",
                "criteriaAnswers": ["c1": ["met": true, "evidence": "90 ngày công"]], "indicators": ["workdays": ["2021": 90]],
            ], headers: [RequestIDs.header: "story-create"])
            #expect(created.status == .created)
            #expect(created.eTag == "\"v1\"")
            let id = try #require(try created.object()["id"] as? String)
            #expect(created.headers[.location] == "/api/v1/nominations/\(id)")

            for kind in ["request", "achievement_report", "review_minutes"] {
                let upload = try await api.send(
                    .post, "/api/v1/nominations/\(id)/attachments?kind=\(kind)&fileName=\(kind).pdf", token: clerk,
                    body: ByteBuffer(string: "%PDF-1.4 \(kind)"), headers: [.contentType: "application/pdf"])
                #expect(upload.status == .created, "\(upload.text)")
                #expect((try upload.object()["sha256"] as? String)?.count == 64)
            }

            var version = try await step(api, id, "submit", by: head, from: 1, requestID: "story-submit")
            version = try await step(api, id, "endorse", by: lead, from: version)
            version = try await step(api, id, "return_by_secretariat", reason: "Thiếu số ngày công năm 2022", by: secretary, from: version)

            let edited = try await api.send(.put, "/api/v1/nominations/\(id)", token: clerk, json: [
                "nomineeName": "Giàng A Páo", "title": "Cá nhân điển hình tiên tiến",
                "achievements": "Vận động 35 hộ hiến đất làm đường; năm 2022 thêm 60 ngày công.",
                "criteriaAnswers": ["c1": ["met": true, "evidence": "150 ngày công (2021–2022)"]],
                "indicators": ["workdays": ["2021": 90, "2022": 60]],
            ], headers: [.ifMatch: "\"v\(version)\""])
            #expect(edited.status == .ok, "\(edited.text)")
            version += 1
            #expect(edited.eTag == "\"v\(version)\"")

            version = try await step(api, id, "submit", by: head, from: version)
            version = try await step(api, id, "endorse", by: lead, from: version)

            let changes = try await api.send(.get, "/api/v1/nominations/\(id)/changes", token: secretary)
            #expect(changes.status == .ok)
            let changeSet = try changes.object()
            #expect(changeSet["returnCount"] as? Int == 1)
            let fields = Set((changeSet["fields"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields.contains("achievements") && fields.contains { $0.hasPrefix("indicators") })

            version = try await step(api, id, "verify", by: secretary, from: version)
            let verified = try await api.send(.get, "/api/v1/nominations/\(id)", token: clerk)
            #expect(try verified.object()["state"] as? String == "verified")
            #expect(verified.eTag == "\"v\(version)\"")

            // The council: the secretariat opens a session (member2 sits for commune A and is recused by
            // default), the members vote, one changes their mind, the secretariat closes it.
            let member = try await api.signIn(.member), member2 = try await api.signIn(.member2), chairman = try await api.signIn(.chairman)
            let opened = try await api.send(.post, "/api/v1/council/sessions", token: secretary, json: [
                "roundID": world.round.lower, "title": "Phiên xét khen thưởng đợt 2021", "nominations": [id],
            ])
            #expect(opened.status == .created, "\(opened.text)")
            let session = try #require(try opened.object()["id"] as? String)
            #expect(try await api.send(.get, "/api/v1/nominations/\(id)", token: clerk).object()["state"] as? String == "in_review")
            let recused = try await api.send(.put, "/api/v1/council/sessions/\(session)/votes/\(id)", token: member2,
                                             json: ["choice": "approve", "version": 0])
            #expect(recused.status == .forbidden && recused.errorCode == "denied.recused", "\(recused.text)")
            let first = try await api.send(.put, "/api/v1/council/sessions/\(session)/votes/\(id)", token: member,
                                           json: ["choice": "reject", "comment": "Cần xem thêm", "version": 0])
            #expect(first.status == .ok, "\(first.text)")
            let changed = try await api.send(.put, "/api/v1/council/sessions/\(session)/votes/\(id)", token: member,
                                             json: ["choice": "approve", "comment": "Đã rõ", "version": try first.object()["version"] as? Int ?? 0])
            #expect(changed.status == .ok, "\(changed.text)")
            let byChairman = try await api.send(.put, "/api/v1/council/sessions/\(session)/votes/\(id)", token: chairman,
                                                json: ["choice": "approve", "version": 0])
            #expect(byChairman.status == .ok, "\(byChairman.text)")
            let sessionVersion = try #require(try await api.send(.get, "/api/v1/council/sessions/\(session)", token: secretary).eTag)
            let closed = try await api.send(.post, "/api/v1/council/sessions/\(session)/close", token: secretary, json: [:],
                                            headers: [.ifMatch: sessionVersion])
            #expect(closed.status == .ok, "\(closed.text)")
            let item = try #require((try closed.object()["items"] as? [[String: Any]])?.first)
            #expect(item["outcome"] as? String == "approved")
            #expect((item["tally"] as? [String: Any])?["approve"] as? Int == 2)
            #expect(try await api.send(.get, "/api/v1/nominations/\(id)", token: clerk).object()["state"] as? String == "approved")

            // The decision: the secretariat drafts it in the district's register (dated while the district could
            // still confer, before 2025-07-01), the chairman signs it; signing twice is a conflict.
            let series = try await world.addDecisionSeries()
            let drafted = try await api.send(.post, "/api/v1/decisions", token: secretary, json: [
                "seriesID": series.lower, "decidedOn": "2024-12-20", "subject": "Về việc khen thưởng điển hình tiên tiến năm 2021",
                "legalBases": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"],
                "items": [["nominationID": id, "form": "giay-khen-chu-tich-huyen", "type": "by_movement"]],
            ])
            #expect(drafted.status == .created, "\(drafted.text)")
            let decision = try #require(try drafted.object()["id"] as? String)
            let draftVersion = try #require(drafted.eTag)
            let bySecretary = try await api.send(.post, "/api/v1/decisions/\(decision)/sign", token: secretary, json: [:], headers: [.ifMatch: draftVersion])
            #expect(bySecretary.status == .forbidden, "\(bySecretary.text)")
            let signed = try await api.send(.post, "/api/v1/decisions/\(decision)/sign", token: chairman, json: [:], headers: [.ifMatch: draftVersion])
            #expect(signed.status == .ok, "\(signed.text)")
            #expect(try signed.object()["number"] as? Int == 1 && (try signed.object()["state"] as? String) == "signed")
            let twice = try await api.send(.post, "/api/v1/decisions/\(decision)/sign", token: chairman, json: [:], headers: [.ifMatch: draftVersion])
            #expect(twice.status == .preconditionFailed || twice.status == .conflict, "\(twice.text)")
            let document = try await api.send(.get, "/api/v1/decisions/\(decision)/document", token: clerk)
            #expect(try document.object()["number"] as? String == "Số: 1/QĐ-UBND", "\(document.text)")
            #expect(try await api.send(.get, "/api/v1/nominations/\(id)", token: clerk).object()["state"] as? String == "decided")
            let nominee = try #require(try await api.send(.get, "/api/v1/nominations/\(id)", token: clerk).object()["nomineeID"] as? String)
            let commendations = try await api.send(.get, "/api/v1/nominees/\(nominee)/commendations", token: clerk).array()
            #expect(commendations.count == 1 && commendations.first?["reference"] as? String == "1/QĐ-UBND")

            let history = try await api.send(.get, "/api/v1/nominations/\(id)/history", token: auditor)
            #expect(history.status == .ok)
            let events = try history.array()
            let actions = events.compactMap { $0["action"] as? String }
            #expect(actions == [
                "nomination.create", "nomination.submit", "nomination.endorse", "nomination.return_by_secretariat",
                "nomination.edit", "nomination.submit", "nomination.endorse", "nomination.verify",
                "nomination.put_before_council", "nomination.council_outcome", "nomination.decide",
            ])
            #expect(events.first?["requestID"] as? String == "story-create")
            #expect(events[1]["requestID"] as? String == "story-submit")
            #expect(events[3]["reason"] as? String == "Thiếu số ngày công năm 2022")
            #expect(events.allSatisfy { ($0["requestID"] as? String)?.isEmpty == false })

            // The auditor verifies the whole chain over HTTP: intact.
            let verification = try await api.send(.get, "/api/v1/audit/verification", token: auditor)
            #expect(verification.status == .ok)
            let report = try verification.object()
            #expect(report["intact"] as? Bool == true && (report["eventsChecked"] as? Int ?? 0) >= events.count)
        }
    }

    /// One transition with `If-Match`; returns the new version.
    func step(
        _ api: APIClient, _ id: String, _ event: String, reason: String? = nil, by token: String, from version: Int,
        requestID: String? = nil
    ) async throws -> Int {
        var body: [String: Any] = ["event": event]
        if let reason { body["reason"] = reason }
        var headers: HTTPFields = [.ifMatch: "\"v\(version)\""]
        if let requestID { headers[RequestIDs.header] = requestID }
        let reply = try await api.send(.post, "/api/v1/nominations/\(id)/transitions", token: token, json: body, headers: headers)
        #expect(reply.status == .ok, "\(event): \(reply.text)")
        #expect(reply.headers[RequestIDs.header] != nil)
        return try #require(try reply.object()["version"] as? Int)
    }
}

enum RequestIDs {
    static let header = HTTPField.Name("X-Request-Id")!
}
