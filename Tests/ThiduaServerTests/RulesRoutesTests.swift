import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Holds, the legal rules, eligibility, exemplars and public notices over HTTP: each answers its happy path as
/// the repositories do, and bad input, an unknown id and the wrong role with the error shape (never a 500).
@Suite("RulesRoutesTests")
struct RulesRoutesTests {
    @Test("holds: the secretariat places, lists and lifts; a bad body is 400/422, an unknown hold 404, a unit clerk 403")
    func holds() async throws {
        try await APIWorld.run { world, api in
            let nominee = try await world.nominations.create(world.draft(name: "Giàng A Sử"), by: try await world.actor(.clerkB)).nomineeID
            let secretary = try await api.signIn(.secretary), clerk = try await api.signIn(.clerkB)
            let body: [String: Any] = ["nomineeID": nominee.lower, "kind": "discipline", "startsOn": "2024-01-10T00:00:00Z",
                                       "basis": "Quyết định kỷ luật số 05/QĐ-UBND"]
            let placed = try await api.send(.post, "/api/v1/holds", token: secretary, json: body)
            #expect(placed.status == .created && placed.eTag == "\"v1\"", "\(placed.text)")
            let id = try #require(try placed.object()["id"] as? String)

            let listed = try await api.send(.get, "/api/v1/holds?nominee=\(nominee.lower)", token: secretary)
            let stored = try await HoldRepository(store: world.store).holds(of: nominee, as: try await world.actor(.secretary))
            #expect(try listed.array().compactMap { ($0["id"] as? String)?.lowercased() } == stored.map(\.id.lower))
            #expect(stored.map(\.kind) == [.discipline] && stored.first?.basis == "Quyết định kỷ luật số 05/QĐ-UBND")

            #expect(try await api.send(.get, "/api/v1/holds", token: secretary).status == .badRequest)
            #expect(try await api.send(.get, "/api/v1/holds?nominee=abc", token: secretary).status == .badRequest)
            let malformed = try await api.send(.post, "/api/v1/holds", token: secretary, body: ByteBuffer(string: "{\"kind\":"),
                                               headers: [.contentType: "application/json"])
            #expect(malformed.status == .badRequest && malformed.errorCode == "malformed_json")
            let badKind = try await api.send(.post, "/api/v1/holds", token: secretary, json: body.merging(["kind": "exile"]) { $1 })
            #expect(badKind.status == .unprocessableContent && badKind.errorCode == "invalid")
            let unknownNominee = try await api.send(.post, "/api/v1/holds", token: secretary, json: body.merging(["nomineeID": UUID().lower]) { $1 })
            #expect(unknownNominee.status == .notFound)
            let byClerk = try await api.send(.post, "/api/v1/holds", token: clerk, json: body)
            #expect(byClerk.status == .forbidden && byClerk.errorCode == "denied.role_required")
            #expect(try await api.send(.get, "/api/v1/holds?nominee=\(nominee.lower)", token: clerk).status == .forbidden)

            let unknown = try await api.send(.post, "/api/v1/holds/\(UUID().lower)/lift", token: secretary, json: ["reason": "Hết hạn", "version": 1])
            #expect(unknown.status == .notFound && unknown.errorCode == "not_found")
            #expect(try await api.send(.post, "/api/v1/holds/\(id)/lift", token: clerk, json: ["reason": "Hết hạn", "version": 1]).status == .forbidden)
            #expect(try await api.send(.post, "/api/v1/holds/\(id)/lift", token: secretary, json: ["version": 1]).status == .unprocessableContent)
            let lifted = try await api.send(.post, "/api/v1/holds/\(id)/lift", token: secretary,
                                            json: ["liftedOn": "2024-06-01T00:00:00Z", "reason": "Hết thời hạn kỷ luật", "version": 1])
            #expect(lifted.status == .ok && lifted.eTag == "\"v2\"", "\(lifted.text)")
            #expect(try await api.send(.post, "/api/v1/holds/\(id)/lift", token: secretary, json: ["reason": "Lần hai", "version": 1]).status == .preconditionFailed)
            let after = try await HoldRepository(store: world.store).holds(of: nominee, as: try await world.actor(.secretary))
            #expect(after.first?.liftReason == "Hết thời hạn kỷ luật" && after.first?.version == 2)
        }
    }

    @Test("exemplars: designate, show with follow-up, evaluate, propagate, replicate; bad body 400/422, unknown 404, another unit's clerk 403")
    func exemplars() async throws {
        try await APIWorld.run { world, api in
            let record = try await world.commended("Lò Văn Pả")
            let clerkB = try await api.signIn(.clerkB), clerkA = try await api.signIn(.clerkA), secretary = try await api.signIn(.secretary)
            let designated = try await api.send(.post, "/api/v1/exemplars", token: clerkB, json: [
                "commendationRecordID": record.id.lower, "title": "Mô hình hiến đất làm đường", "unitID": world.communeB.lower,
                "designatedOn": "2025-01-15T00:00:00Z",
            ])
            #expect(designated.status == .created, "\(designated.text)")
            let id = try #require(try designated.object()["id"] as? String)
            #expect(try await api.send(.post, "/api/v1/exemplars", token: clerkA, json: [
                "commendationRecordID": record.id.lower, "title": "X", "unitID": world.communeB.lower, "designatedOn": "2025-01-15T00:00:00Z",
            ]).status == .forbidden)

            let evaluation: [String: Any] = ["evaluatedOn": "2025-06-30T00:00:00Z", "period": "6 tháng đầu năm 2025", "effect": "30 hộ làm theo",
                                             "efficiency": "Tiết kiệm 200 triệu đồng", "potential": "Nhân rộng ra 3 xã"]
            #expect(try await api.send(.post, "/api/v1/exemplars/\(id)/evaluations", token: clerkB, json: evaluation).status == .created)
            #expect(try await api.send(.post, "/api/v1/exemplars/\(id)/propagations", token: secretary,
                                       json: ["kind": "study_visit", "heldOn": "2025-07-10T00:00:00Z", "audience": "Cán bộ 5 xã"]).status == .created)
            #expect(try await api.send(.post, "/api/v1/exemplars/\(id)/replications", token: clerkB,
                                       json: ["adoptingUnitID": world.communeA.lower, "adoptedOn": "2025-08-01T00:00:00Z", "result": "12 hộ hiến đất"]).status == .created)

            let shown = try await api.send(.get, "/api/v1/exemplars/\(id)", token: clerkB).object()
            #expect(((shown["exemplar"] as? [String: Any])?["nomineeName"] as? String) == "Lò Văn Pả")
            #expect((shown["evaluations"] as? [Any])?.count == 1 && (shown["propagations"] as? [Any])?.count == 1 && (shown["replications"] as? [Any])?.count == 1)
            let counts = try await world.superuser { connection in
                try await connection.query("""
                    SELECT (SELECT count(*) FROM thidua.exemplar_evaluations WHERE exemplar_id = \(UUID(uuidString: id)!))::int,
                           (SELECT count(*) FROM thidua.exemplar_replications WHERE exemplar_id = \(UUID(uuidString: id)!))::int
                    """).single()!
            }
            #expect(try counts.decode(Int.self, at: 0) == 1 && counts.decode(Int.self, at: 1) == 1)
            #expect(try await api.send(.get, "/api/v1/exemplars", token: clerkB).array().compactMap { $0["id"] as? String } == [id])
            #expect(try await api.send(.get, "/api/v1/exemplars", token: clerkA).array().isEmpty)

            #expect(try await api.send(.get, "/api/v1/exemplars/\(UUID().lower)", token: clerkB).status == .notFound)
            #expect(try await api.send(.get, "/api/v1/exemplars/not-an-id", token: clerkB).status == .notFound)
            #expect(try await api.send(.post, "/api/v1/exemplars/\(UUID().lower)/evaluations", token: clerkB, json: evaluation).status == .notFound)
            #expect(try await api.send(.post, "/api/v1/exemplars/\(id)/evaluations", token: clerkB, body: ByteBuffer(string: "nope"),
                                       headers: [.contentType: "application/json"]).status == .badRequest)
            let blank = try await api.send(.post, "/api/v1/exemplars/\(id)/evaluations", token: clerkB, json: evaluation.merging(["effect": " "]) { $1 })
            #expect(blank.status == .unprocessableContent && blank.text.contains("effect"))
            #expect(try await api.send(.post, "/api/v1/exemplars/\(id)/propagations", token: clerkB,
                                       json: ["kind": "rumour", "heldOn": "2025-07-10T00:00:00Z"]).status == .unprocessableContent)
            // Commune A's clerk neither sees commune B's exemplar nor records on it.
            #expect(try await api.send(.post, "/api/v1/exemplars/\(id)/evaluations", token: clerkA, json: evaluation).status == .notFound)
            let headA = try await api.signIn(.headA)
            #expect(try await api.send(.post, "/api/v1/exemplars/\(id)/replications", token: try await api.signIn(.auditor),
                                       json: ["adoptingUnitID": world.communeA.lower, "adoptedOn": "2025-08-01T00:00:00Z", "result": "x"]).status == .forbidden)
            #expect(try await api.send(.get, "/api/v1/exemplars/\(id)", token: headA).status == .notFound)
            let stillOne = try await world.superuser { connection in
                try await connection.query("SELECT count(*)::int FROM thidua.exemplar_evaluations").single()!.decode(Int.self, at: 0)
            }
            #expect(stillOne == 1)
        }
    }

    @Test("a public notice on a draft nomination is 409 notice_not_openable in both languages, not 403; nothing is opened")
    func noticeOnADraftIsAStateError() async throws {
        try await APIWorld.run { world, api in
            let draft = try await world.nominations.create(world.draft(name: "Xã Chưa Gửi"), by: try await world.actor(.clerkB))
            let secretary = try await api.signIn(.secretary)
            let today = ISO8601DateFormatter().string(from: Date())
            let refused = try await api.send(.post, "/api/v1/nominations/\(draft.id.lower)/notices", token: secretary,
                                             json: ["form": "xa-tieu-bieu", "channel": "Cổng thông tin điện tử huyện", "startsOn": today])
            #expect(refused.status == .conflict && refused.errorCode == "notice_not_openable", "\(refused.text)")
            let body = try #require(try refused.object()["error"] as? [String: Any])
            #expect((body["vietnamese"] as? String)?.contains(NominationState.draft.vietnamese) == true)
            #expect((body["english"] as? String)?.contains("draft") == true)
            let opened = try await world.superuser { try await $0.query("SELECT count(*)::int FROM thidua.public_notices").single()!.decode(Int.self, at: 0) }
            #expect(opened == 0)
        }
    }

    @Test("public notices: open, object, a close before the end is 409, list and show; bad body 422, unknown 404, a clerk opening 403")
    func notices() async throws {
        try await APIWorld.run { world, api in
            let (clerk, head, lead, secretaryActor) = (try await world.actor(.clerkB), try await world.actor(.headB), try await world.actor(.leadHead), try await world.actor(.secretary))
            var nomination = try await world.nominations.create(world.draft(name: "Vàng A Chinh"), by: clerk)
            try await world.completeDossier(of: nomination.id, by: clerk)
            nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
            nomination = try await world.nominations.perform(.endorse, on: nomination.id, version: nomination.version, by: lead)
            _ = try await world.nominations.perform(.verify, on: nomination.id, version: nomination.version, by: secretaryActor)
            let secretary = try await api.signIn(.secretary), clerkB = try await api.signIn(.clerkB)
            let today = ISO8601DateFormatter().string(from: Date())
            let open: [String: Any] = ["form": "xa-tieu-bieu", "channel": "Cổng thông tin điện tử huyện", "startsOn": today]
            #expect(try await api.send(.post, "/api/v1/nominations/\(nomination.id.lower)/notices", token: clerkB, json: open).status == .forbidden)
            #expect(try await api.send(.post, "/api/v1/nominations/\(UUID().lower)/notices", token: secretary, json: open).status == .notFound)
            #expect(try await api.send(.post, "/api/v1/nominations/\(nomination.id.lower)/notices", token: secretary,
                                       json: open.merging(["form": "lao-dong-tien-tien"]) { $1 }).status == .unprocessableContent)
            #expect(try await api.send(.post, "/api/v1/nominations/\(nomination.id.lower)/notices", token: secretary,
                                       json: ["form": "xa-tieu-bieu", "channel": "x"]).status == .unprocessableContent)
            let opened = try await api.send(.post, "/api/v1/nominations/\(nomination.id.lower)/notices", token: secretary, json: open)
            #expect(opened.status == .created, "\(opened.text)")
            let id = try #require(try opened.object()["id"] as? String)

            let objection = try await api.send(.post, "/api/v1/notices/\(id)/objections", token: clerkB, json: [
                "objector": "Ông Sùng A Vừ", "content": "Xin xác minh lại số hộ thoát nghèo.", "receivedOn": today,
            ])
            #expect(try objection.status == .created && objection.object()["kind"] as? String == "objection", "\(objection.text)")
            #expect(try await api.send(.post, "/api/v1/notices/\(UUID().lower)/objections", token: secretary, json: [
                "objector": "A", "content": "B", "receivedOn": today,
            ]).status == .notFound)
            #expect(try await api.send(.post, "/api/v1/notices/\(id)/objections", token: clerkB, json: ["objector": "A"]).status == .unprocessableContent)
            let early = try await api.send(.post, "/api/v1/notices/\(id)/close", token: secretary,
                                           json: ["outcome": "objections_dismissed", "reason": "Không có cơ sở", "version": 1])
            #expect(early.status == .conflict && early.errorCode == "notice_pending")
            #expect(try await api.send(.post, "/api/v1/notices/\(id)/close", token: clerkB,
                                       json: ["outcome": "no_objection", "version": 1]).status == .forbidden)
            #expect(try await api.send(.post, "/api/v1/notices/\(id)/close", token: secretary,
                                       json: ["outcome": "maybe", "version": 1]).status == .unprocessableContent)

            let shown = try await api.send(.get, "/api/v1/notices/\(id)", token: clerkB)
            #expect(try shown.status == .ok && shown.eTag == "\"v1\"" && (shown.object()["objections"] as? [Any])?.count == 1)
            #expect(try await api.send(.get, "/api/v1/notices/\(UUID().lower)", token: secretary).status == .notFound)
            let running = try await api.send(.get, "/api/v1/notices?running=true&nomination=\(nomination.id.lower)", token: secretary)
            #expect(try running.array().compactMap { $0["id"] as? String } == [id])
            #expect(try await api.send(.get, "/api/v1/notices?running=maybe", token: secretary).status == .badRequest)
            #expect(try await api.send(.get, "/api/v1/notices", token: try await api.signIn(.clerkA)).array().isEmpty)
        }
    }

    @Test("legal rules are one document matching the law tables; eligibility needs a year; both refuse bad parameters with 400")
    func legalRulesAndEligibility() async throws {
        try await APIWorld.run { world, api in
            let clerk = try await api.signIn(.clerkA), secretary = try await api.signIn(.secretary)
            let book = try await api.send(.get, "/api/v1/legal-rules", token: clerk).object()
            let counts = try await world.superuser { connection in
                try await connection.query("""
                    SELECT (SELECT count(*) FROM thidua.commendation_forms)::int, (SELECT count(*) FROM thidua.conferring_authorities)::int,
                           (SELECT count(*) FROM thidua.reward_coefficients)::int, (SELECT count(*) FROM thidua.base_salaries)::int,
                           (SELECT count(*) FROM thidua.commendation_types)::int
                    """).single()!
            }
            #expect((book["forms"] as? [Any])?.count == (try counts.decode(Int.self, at: 0)))
            #expect((book["authorities"] as? [Any])?.count == (try counts.decode(Int.self, at: 1)))
            #expect((book["rewardCoefficients"] as? [Any])?.count == (try counts.decode(Int.self, at: 2)))
            #expect((book["baseSalaries"] as? [Any])?.count == (try counts.decode(Int.self, at: 3)))
            #expect((book["commendationTypes"] as? [Any])?.count == (try counts.decode(Int.self, at: 4)))
            let xa = (book["forms"] as? [[String: Any]])?.first { $0["code"] as? String == "xa-tieu-bieu" }
            #expect(xa?["noticeWorkingDays"] as? Int == 10)

            #expect(try await api.send(.get, "/api/v1/eligibility?year=2024", token: secretary).status == .ok)
            #expect(try await api.send(.get, "/api/v1/eligibility", token: secretary).status == .badRequest)
            #expect(try await api.send(.get, "/api/v1/eligibility?year=abc", token: secretary).status == .badRequest)
            #expect(try await api.send(.get, "/api/v1/eligibility?year=2024", token: try await api.signIn(.member)).status == .forbidden)
            #expect(try await api.send(.get, "/api/v1/eligibility/same-year", token: secretary).status == .badRequest)
            #expect(try await api.send(.get, "/api/v1/eligibility/same-year?decision=\(UUID().lower)", token: secretary).array().isEmpty)
            #expect(try await api.send(.get, "/api/v1/eligibility/same-year?decision=\(UUID().lower)", token: clerk).status == .forbidden)
        }
    }
}
