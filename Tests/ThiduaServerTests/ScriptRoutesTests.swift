import Foundation
import HTTPTypes
import NIOCore
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// What the API gained for scripts in issue 15 (item 8): deadline exceptions, the lists of council sessions,
/// decisions by state and the staff directory, a movement with its units and minimums, and a dossier document
/// sent as `application/octet-stream`.
@Suite("ScriptRoutesTests")
struct ScriptRoutesTests {
    static func exceptions(_ world: RecordsWorld) async throws -> Int {
        try await world.superuser { try await $0.query("SELECT count(*)::int FROM thidua.deadline_exceptions").single()!.decode(Int.self, at: 0) }
    }

    static let tomorrow = ISO8601DateFormatter().string(from: Date().addingTimeInterval(86_400))

    @Test("after the due date, a clerk asking for an exception is refused (403) and nothing is written; the secretariat's is 201 and the late submission goes through")
    func deadlineException() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let secretaryActor = try await world.actor(.secretary)
            let rounds = RoundRepository(store: world.store)
            let round = try #require(try await rounds.list(as: secretaryActor).first { $0.id == world.round })
            try await rounds.setDueDate(round: world.round, to: Date().addingTimeInterval(-3600), version: round.version, reason: "Hết hạn", by: secretaryActor)
            let clerk = try await world.actor(.clerkA), head = try await world.actor(.headA)
            let nomination = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: clerk)
            try await world.completeDossier(of: nomination.id, by: clerk)
            await #expect(throws: ThiduaError.self) {
                try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
            }

            let path = "/api/v1/rounds/\(world.round.lower)/deadline-exceptions"
            let body: [String: Any] = ["unit": world.communeA.lower, "until": Self.tomorrow, "reason": "Mưa lũ chia cắt xã"]
            for person in [RecordsWorld.Person.clerkA, .headA, .chairman] {
                let refused = try await api.send(.post, path, token: try await api.signIn(person), json: body)
                #expect(refused.status == .forbidden, "\(person): \(refused.text)")
            }
            #expect(try await Self.exceptions(world) == 0)

            let granted = try await api.send(.post, path, token: try await api.signIn(.secretary), json: body)
            #expect(granted.status == .created, "\(granted.text)")
            #expect(UUID(uuidString: try #require(try granted.object()["id"] as? String)) != nil)
            #expect(try await Self.exceptions(world) == 1)
            let submitted = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
            #expect(submitted.state == .submitted)
        }
    }

    @Test("bad input to a deadline exception is a precise 4xx in both languages, and nothing is written")
    func deadlineExceptionBadInput() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let secretary = try await api.signIn(.secretary)
            let path = "/api/v1/rounds/\(world.round.lower)/deadline-exceptions"
            let unit = world.communeA.lower
            let cases: [(String, [String: Any], Int)] = [
                (path, ["unit": unit, "until": Self.tomorrow, "reason": "  "], 422),
                (path, ["unit": unit, "until": "2020-12-20T17:00:00+07:00", "reason": "Lũ"], 422),
                (path, ["unit": unit, "until": "20/12/2021", "reason": "Lũ"], 422),
                (path, ["unit": unit, "reason": "Lũ"], 422),
                (path, ["unit": "xa-a", "until": Self.tomorrow, "reason": "Lũ"], 422),
                (path, ["unit": UUID().lower, "until": Self.tomorrow, "reason": "Lũ"], 404),
                ("/api/v1/rounds/\(UUID().lower)/deadline-exceptions", ["unit": unit, "until": Self.tomorrow, "reason": "Lũ"], 404),
            ]
            for (path, body, status) in cases {
                let reply = try await api.send(.post, path, token: secretary, json: body)
                #expect(Int(reply.status.code) == status, "\(body): \(reply.text)")
                let error = try #require(try reply.object()["error"] as? [String: Any])
                #expect(!((error["vietnamese"] as? String) ?? "").isEmpty && !((error["english"] as? String) ?? "").isEmpty, "\(reply.text)")
            }
            let notRound = try await api.send(.post, "/api/v1/rounds/thu-2021/deadline-exceptions", token: secretary,
                                              json: ["unit": unit, "until": Self.tomorrow, "reason": "Lũ"])
            #expect(notRound.status == .notFound, "an id that is not a UUID names no round, as everywhere: \(notRound.text)")
            #expect(try await Self.exceptions(world) == 0)
        }
    }

    @Test("decisions by state: a signed one has its number, drafts are filtered out and in; an unknown state is 400")
    func decisionsByState() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let record = try await world.commended("Thào Thị Dung")
            let secretary = try await api.signIn(.secretary)
            let all = try await api.send(.get, "/api/v1/decisions", token: secretary).array()
            let signed = try #require(all.first { ($0["id"] as? String)?.lowercased() == record.decisionID.lower })
            #expect(signed["state"] as? String == "signed" && signed["number"] as? Int == 1 && signed["itemCount"] as? Int == 1)
            let bySigned = try await api.send(.get, "/api/v1/decisions?state=signed,revoked", token: secretary).array()
            #expect(bySigned.compactMap { ($0["id"] as? String)?.lowercased() } == [record.decisionID.lower])
            #expect(try await api.send(.get, "/api/v1/decisions?state=draft,returned", token: secretary).array().isEmpty)
            let bad = try await api.send(.get, "/api/v1/decisions?state=submitted", token: secretary)
            #expect(bad.status == .badRequest && bad.text.contains("state"), "\(bad.text)")
        }
    }

    @Test("council sessions: a seated member sees how many items wait for their vote; a unit's clerk is refused")
    func councilSessions() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let nomination = try await world.verified("Sùng Thị Mai")
            let session = try await world.councilReviews.open(round: world.round, title: "Phiên thử", nominations: [nomination.id],
                                                              by: try await world.actor(.secretary))
            let member = try await api.signIn(.member)
            let sessions = try await api.send(.get, "/api/v1/council/sessions", token: member).array()
            let listed = try #require(sessions.first { ($0["id"] as? String)?.lowercased() == session.id.lower })
            #expect(listed["state"] as? String == "open" && listed["seated"] as? Bool == true && listed["awaitingVote"] as? Int == 1)
            _ = try await api.send(.put, "/api/v1/council/sessions/\(session.id.lower)/votes/\(nomination.id.lower)", token: member,
                                   json: ["choice": "approve", "version": 0])
            let after = try await api.send(.get, "/api/v1/council/sessions", token: member).array()
            #expect(after.first { ($0["id"] as? String)?.lowercased() == session.id.lower }?["awaitingVote"] as? Int == 0)
            #expect(try await api.send(.get, "/api/v1/council/sessions", token: try await api.signIn(.clerkB)).status == .forbidden)
        }
    }

    @Test("a movement with its criteria, its lead and partner units by code and each round's minimums")
    func movementDetails() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await api.signIn(.clerkA)
            let movement = try await api.send(.get, "/api/v1/movements/\(world.movement.lower)", token: clerk).object()
            #expect(movement["code"] as? String == "nong-thon-moi")
            #expect((movement["criteria"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["c1", "c2"])
            let units = try #require(movement["units"] as? [[String: Any]])
            #expect(units.map { "\($0["unitCode"] ?? "") \($0["part"] ?? "")" } == ["phong-nn lead", "xa-a partner"])
            let minimums = try #require(movement["minimums"] as? [[String: Any]])
            #expect(minimums.map { "\($0["roundCode"] ?? "") \($0["nomineeKind"] ?? "") \($0["minimum"] ?? "")" }
                    == ["thu-2021 collective 1", "thu-2021 individual 3"])
            #expect(try await api.send(.get, "/api/v1/movements/\(UUID().lower)", token: clerk).status == .notFound)
        }
    }

    @Test("the staff directory gives every user's username and unit, never their roles or password")
    func staffDirectory() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let users = try await api.send(.get, "/api/v1/users", token: try await api.signIn(.clerkB)).array()
            let clerk = try #require(users.first { $0["username"] as? String == "clerka" })
            #expect((clerk["id"] as? String)?.lowercased() == world.users[.clerkA]!.lower)
            #expect((clerk["unitID"] as? String)?.lowercased() == world.communeA.lower)
            #expect(Set(clerk.keys) == ["id", "unitID", "username", "fullName", "active"])
            #expect(users.count == world.users.count)
        }
    }

    @Test("a document sent as application/octet-stream is typed by its name and checked by its first bytes")
    func attachmentAsOctetStream() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await world.actor(.clerkA)
            let nomination = try await world.nominations.create(world.draft(name: "Lò Thị Mai"), by: clerk)
            let token = try await api.signIn(.clerkA)
            let path = "/api/v1/nominations/\(nomination.id.lower)/attachments?kind=review_minutes&fileName="
            let octets: HTTPFields = [.contentType: "application/octet-stream"]
            let pdf = try await api.send(.post, path + "bien-ban.pdf", token: token, body: ByteBuffer(string: "%PDF-1.7 …"), headers: octets)
            #expect(try pdf.status == .created && pdf.object()["mediaType"] as? String == "application/pdf", "\(pdf.text)")
            let renamed = try await api.send(.post, path + "bien-ban.pdf", token: token, body: ByteBuffer(string: "MZ…"), headers: octets)
            #expect(renamed.status == .unsupportedMediaType && renamed.text.contains("content_mismatch"))
            let program = try await api.send(.post, path + "cai-dat.exe", token: token, body: ByteBuffer(string: "MZ…"), headers: octets)
            #expect(program.status == .unsupportedMediaType)
            let zip = try await api.send(.post, path + "a.zip", token: token, body: ByteBuffer(string: "PK"), headers: [.contentType: "application/zip"])
            #expect(zip.status == .unsupportedMediaType)
        }
    }
}
