import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Bad input gets its documented status and error code, in both languages with the request id, and changes
/// nothing in the database (issue 5, "bad input table").
@Suite("BadInputTests")
struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var status: HTTPResponse.Status
        var code: String
        var send: @Sendable (APIClient, Setup) async throws -> Reply
    }

    /// What the cases act on: a draft (v1) and a submitted nomination (v2) of commune A, and tokens.
    struct Setup: Sendable {
        var draft: String
        var submitted: String
        var clerk: String
        var head: String
        var secretary: String
        var unit: String
        var expired: String
        var round: String
        var movement: String
    }

    static let cases: [Case] = [
        Case(description: "malformed JSON", status: .badRequest, code: "malformed_json") { api, s in
            try await api.send(.post, "/api/v1/nominations", token: s.clerk, body: ByteBuffer(string: #"{"roundID": "#),
                               headers: [.contentType: "application/json"])
        },
        Case(description: "a number where a UUID belongs", status: .unprocessableContent, code: "invalid") { api, s in
            try await api.send(.post, "/api/v1/nominations", token: s.clerk, json: [
                "roundID": 5, "movementID": s.movement, "nominee": ["kind": "individual", "name": "A"]])
        },
        Case(description: "a missing field", status: .unprocessableContent, code: "invalid") { api, s in
            try await api.send(.post, "/api/v1/nominations", token: s.clerk, json: ["roundID": s.round])
        },
        Case(description: "an unknown nominee kind", status: .unprocessableContent, code: "invalid") { api, s in
            try await api.send(.post, "/api/v1/nominations", token: s.clerk, json: [
                "roundID": s.round, "movementID": s.movement, "nominee": ["kind": "robot", "name": "A"]])
        },
        Case(description: "a day written dd/MM/yyyy", status: .unprocessableContent, code: "invalid") { api, s in
            try await api.send(.post, "/api/v1/decisions", token: s.clerk, json: [
                "seriesID": UUID().uuidString, "decidedOn": "20/12/2024", "subject": "Về việc khen thưởng", "legalBases": [], "items": []])
        },
        Case(description: "a day that does not exist", status: .unprocessableContent, code: "invalid") { api, s in
            try await api.send(.post, "/api/v1/unit-plans", token: s.secretary, json: [
                "unitID": s.unit, "period": "2021-2025", "number": "15/KH-UBND", "issuedOn": "2021-02-30", "receivedOn": "2021-03-02"])
        },
        Case(description: "a 20 MB JSON body", status: .contentTooLarge, code: "body_too_large") { api, s in
            try await api.send(.post, "/api/v1/nominations", token: s.clerk,
                               body: ByteBuffer(repeating: UInt8(ascii: " "), count: 20 << 20), headers: [.contentType: "application/json"])
        },
        Case(description: "a 21 MB document", status: .contentTooLarge, code: "body_too_large") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/attachments?kind=request&fileName=a.pdf", token: s.clerk,
                               body: ByteBuffer(repeating: 0x25, count: 21 << 20), headers: [.contentType: "application/pdf"])
        },
        Case(description: "a document of a type officials do not attach", status: .unsupportedMediaType, code: "unsupported_media_type") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/attachments?kind=request&fileName=a.exe", token: s.clerk,
                               body: ByteBuffer(string: "MZ"), headers: [.contentType: "application/x-msdownload"])
        },
        Case(description: "invalid UTF-8", status: .badRequest, code: "invalid_utf8") { api, s in
            try await api.send(.put, "/api/v1/nominations/\(s.draft)", token: s.clerk,
                               body: ByteBuffer(bytes: Array(#"{"nomineeName": "L"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
                               headers: [.contentType: "application/json", .ifMatch: "\"v1\""])
        },
        Case(description: "a body that is not JSON", status: .unsupportedMediaType, code: "unsupported_media_type") { api, s in
            try await api.send(.post, "/api/v1/nominations", token: s.clerk, body: ByteBuffer(string: "roundID=1"),
                               headers: [.contentType: "application/x-www-form-urlencoded"])
        },
        Case(description: "an unknown nomination", status: .notFound, code: "not_found") { api, s in
            try await api.send(.get, "/api/v1/nominations/\(UUID().lower)", token: s.clerk)
        },
        Case(description: "a transition of an unknown nomination", status: .notFound, code: "not_found") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(UUID().lower)/transitions", token: s.head, json: ["event": "submit", "version": 1])
        },
        Case(description: "an id that is not a UUID", status: .notFound, code: "not_found") { api, s in
            try await api.send(.get, "/api/v1/nominations/abc", token: s.clerk)
        },
        Case(description: "a stale If-Match", status: .preconditionFailed, code: "stale_version") { api, s in
            try await api.send(.put, "/api/v1/nominations/\(s.draft)", token: s.clerk, json: ["nomineeName": "Lò Thị Mai"],
                               headers: [.ifMatch: "\"v7\""])
        },
        Case(description: "no If-Match and no version", status: .preconditionRequired, code: "if_match_required") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/transitions", token: s.head, json: ["event": "submit"])
        },
        Case(description: "a malformed If-Match", status: .badRequest, code: "invalid_parameter") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/transitions", token: s.head, json: ["event": "submit"],
                               headers: [.ifMatch: "*"])
        },
        Case(description: "a transition out of turn", status: .conflict, code: "wrong_state") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.submitted)/transitions", token: s.head, json: ["event": "submit", "version": 2])
        },
        Case(description: "a clerk submitting (the head's job)", status: .forbidden, code: "denied.role_required") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/transitions", token: s.clerk, json: ["event": "submit", "version": 1])
        },
        Case(description: "an edit sent as a transition", status: .unprocessableContent, code: "invalid") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/transitions", token: s.clerk, json: ["event": "edit", "version": 1])
        },
        Case(description: "an expired session", status: .unauthorized, code: "unauthenticated") { api, s in
            try await api.send(.get, "/api/v1/me", token: s.expired)
        },
        Case(description: "no session", status: .unauthorized, code: "unauthenticated") { api, s in
            try await api.send(.get, "/api/v1/nominations")
        },
        Case(description: "a form post with the session cookie and no CSRF token", status: .forbidden, code: "csrf_required") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/transitions", body: ByteBuffer(string: "event=submit&version=1"),
                               headers: [.cookie: "thidua_session=\(s.head)", .contentType: "application/x-www-form-urlencoded"])
        },
        Case(description: "a bad query parameter", status: .badRequest, code: "invalid_parameter") { api, s in
            try await api.send(.get, "/api/v1/nominations?limit=many", token: s.clerk)
        },
        Case(description: "an unknown route", status: .notFound, code: "no_route") { api, s in
            try await api.send(.get, "/api/v1/khong-co", token: s.clerk)
        },
        // NUL (U+0000) cannot be stored in PostgreSQL's text: refused at the edge, naming the field, before the
        // session or the policy is asked — a clerk's token on a movement it may not nominate in changes nothing.
        Case(description: "a NUL character in a JSON string", status: .unprocessableContent, code: "invalid") { api, s in
            let reply = try await api.send(.post, "/api/v1/nominations", token: s.clerk, json: [
                "roundID": s.round, "movementID": s.movement, "nominee": ["kind": "individual", "name": "Lò\u{0}Thị Mai"]])
            try #require((try reply.object()["error"] as? [String: Any])?["field"] as? String == "nominee.name", "\(reply.text)")
            return reply
        },
        Case(description: "a NUL character in a form field", status: .unprocessableContent, code: "invalid") { api, s in
            try await api.send(.post, "/api/v1/nominations/\(s.draft)/transitions", body: ByteBuffer(string: "event=submit&reason=a%00b"),
                               headers: [.cookie: "thidua_session=\(s.head)", .contentType: "application/x-www-form-urlencoded"])
        },
        Case(description: "a NUL character in a query parameter", status: .unprocessableContent, code: "invalid") { api, s in
            let reply = try await api.send(.get, "/api/v1/nominations?q=L%00o", token: s.clerk)
            try #require((try reply.object()["error"] as? [String: Any])?["field"] as? String == "q", "\(reply.text)")
            return reply
        },
        Case(description: "wrong credentials", status: .unauthorized, code: "invalid_credentials") { api, _ in
            try await api.send(.post, "/api/v1/sessions", json: ["username": "clerka", "password": "sai mật khẩu"])
        },
    ]

    @Test("each bad request gets its status and code, in Vietnamese and English, and the database is unchanged", arguments: cases)
    func badInput(_ badCase: Case) async throws {
        try await APIWorld.run { world, api in
            let setup = try await Self.prepare(world, api)
            let before = try await Self.fingerprint(world)
            let reply = try await badCase.send(api, setup)
            #expect(reply.status == badCase.status, "\(badCase): \(reply.text)")
            #expect(reply.errorCode == badCase.code, "\(badCase): \(reply.text)")
            let error = try reply.object()["error"] as? [String: Any]
            #expect((error?["vietnamese"] as? String)?.isEmpty == false && (error?["english"] as? String)?.isEmpty == false)
            #expect(error?["requestId"] as? String == reply.headers[RequestIDs.header])
            #expect(try await Self.fingerprint(world) == before, "\(badCase) changed the database")
        }
    }

    @Test("a stale If-Match tells the current version, in the body and as ETag")
    func staleVersionTellsTheCurrentOne() async throws {
        try await APIWorld.run { world, api in
            let setup = try await Self.prepare(world, api)
            let reply = try await api.send(.put, "/api/v1/nominations/\(setup.draft)", token: setup.clerk, json: ["nomineeName": "X"],
                                           headers: [.ifMatch: "\"v7\""])
            #expect((try reply.object()["error"] as? [String: Any])?["currentVersion"] as? Int == 1)
            #expect(reply.eTag == "\"v1\"")
        }
    }

    @Test("with the cookie and its CSRF token, the same form post goes through")
    func cookieWithCSRFTokenIsAccepted() async throws {
        try await APIWorld.run { world, api in
            let setup = try await Self.prepare(world, api)
            let signIn = try await api.send(.post, "/api/v1/sessions", json: ["username": "heada", "password": APIClient.password])
            let session = try signIn.object()
            let token = try #require(session["token"] as? String), csrf = try #require(session["csrfToken"] as? String)
            #expect(signIn.headers[.setCookie]?.contains("HttpOnly; SameSite=Strict") == true)
            let reply = try await api.send(.post, "/api/v1/nominations/\(setup.draft)/transitions", json: ["event": "submit", "version": 1],
                                           headers: [.cookie: "thidua_session=\(token)", SessionCookieHeader.csrf: csrf])
            #expect(reply.status == .ok, "\(reply.text)")
        }
    }

    static func prepare(_ world: RecordsWorld, _ api: APIClient) async throws -> Setup {
        let clerkActor = try await world.actor(.clerkA)
        let draft = try await world.nominations.create(world.draft(), by: clerkActor)
        let other = try await world.nominations.create(world.draft(name: "Vàng A Sử"), by: clerkActor)
        _ = try await world.nominations.perform(.submit, on: other.id, version: 1, by: try await world.actor(.headA))
        let expired = try await api.signIn(.clerkB)
        try await world.superuser { connection in
            _ = try await connection.query("""
                UPDATE thidua.sessions SET created_at = now() - interval '9 hours', last_seen_at = now() - interval '2 hours', expires_at = now() - interval '1 second'
                WHERE user_id = \(world.users[.clerkB]!)
                """)
        }
        return Setup(
            draft: draft.id.lower, submitted: other.id.lower, clerk: try await api.signIn(.clerkA), head: try await api.signIn(.headA),
            secretary: try await api.signIn(.secretary), unit: world.communeA.lower, expired: expired, round: world.round.lower, movement: world.movement.lower)
    }

    /// Everything a bad request could have touched: the records, their versions, the trail.
    static func fingerprint(_ world: RecordsWorld) async throws -> [Int] {
        try await world.superuser { connection in
            let row = try await connection.query("""
                SELECT (SELECT count(*) FROM thidua.audit_events)::int, (SELECT count(*) FROM thidua.nominations)::int,
                       (SELECT coalesce(sum(version), 0) FROM thidua.nominations)::int,
                       (SELECT count(*) FROM thidua.nomination_attachments)::int, (SELECT count(*) FROM thidua.nominees)::int,
                       (SELECT count(*) FROM thidua.unit_plans)::int
                """).single()!
            return try (0..<6).map { try row.decode(Int.self, at: $0) }
        }
    }
}

enum SessionCookieHeader {
    static let csrf = HTTPField.Name("X-CSRF-Token")!
}
