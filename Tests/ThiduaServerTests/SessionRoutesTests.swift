import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Sessions over HTTP: the cookie's flags, a disabled user's live session stops at once, sign-out ends the token,
/// a password change keeps this session and ends the others. Throttling is in ``SignInThrottleTests``.
@Suite("SessionRoutesTests")
struct SessionRoutesTests {
    @Test("the session cookie is HttpOnly and SameSite=Strict, and Secure only when the server is told it is behind TLS")
    func cookieFlags() async throws {
        for behindTLS in [false, true] {
            try await APIWorld.run(verifier: false, secureCookies: behindTLS) { _, api in
                let reply = try await api.send(.post, "/api/v1/sessions", json: ["username": "clerka", "password": APIClient.password])
                let cookie = try #require(reply.headers[.setCookie])
                #expect(cookie.hasPrefix("thidua_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("; Secure") == behindTLS, "\(cookie)")
            }
        }
    }

    @Test("an administrator disabling a user ends that user's live session at once")
    func disablingEndsTheLiveSession() async throws {
        try await APIWorld.run { world, api in
            let clerk = try await api.signIn(.clerkB)
            #expect(try await api.send(.get, "/api/v1/me", token: clerk).status == .ok)
            let admin = try await api.signIn(.admin)
            let disabled = try await api.send(.post, "/api/v1/users/\(world.users[.clerkB]!.lower)/disable", token: admin,
                                              json: ["reason": "Chuyển công tác"])
            #expect(disabled.status == .noContent, "\(disabled.text)")
            let after = try await api.send(.get, "/api/v1/me", token: clerk)
            #expect(after.status == .unauthorized && after.errorCode == "unauthenticated")
            let again = try await api.send(.post, "/api/v1/sessions", json: ["username": "clerkb", "password": APIClient.password])
            #expect(again.status == .unauthorized)
        }
    }

    @Test("sign-out ends the token and clears the cookie; me answers who is signed in")
    func signOutAndMe() async throws {
        try await APIWorld.run { world, api in
            let token = try await api.signIn(.leadHead)
            let me = try await api.send(.get, "/api/v1/me", token: token)
            let body = try me.object()
            #expect(body["userID"] as? String == world.users[.leadHead]!.uuidString)
            #expect(body["roles"] as? [String] == ["unit_head"])
            #expect((body["leadMovements"] as? [String])?.contains(world.movement.uuidString) == true)
            let out = try await api.send(.delete, "/api/v1/sessions/current", token: token)
            #expect(out.status == .noContent && out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await api.send(.get, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test("a password change needs the old password, keeps this session and ends the others")
    func passwordChange() async throws {
        try await APIWorld.run { _, api in
            let here = try await api.signIn(.clerkA), elsewhere = try await api.signIn(.clerkA)
            let wrong = try await api.send(.put, "/api/v1/me/password", token: here, json: ["oldPassword": "sai", "newPassword": "một mật khẩu mới"])
            #expect(wrong.status == .unauthorized)
            let short = try await api.send(.put, "/api/v1/me/password", token: here, json: ["oldPassword": APIClient.password, "newPassword": "ngắn"])
            #expect(short.status == .unprocessableContent && short.errorCode == "invalid")
            let changed = try await api.send(.put, "/api/v1/me/password", token: here,
                                             json: ["oldPassword": APIClient.password, "newPassword": "một mật khẩu mới"])
            #expect(changed.status == .noContent)
            #expect(try await api.send(.get, "/api/v1/me", token: here).status == .ok)
            #expect(try await api.send(.get, "/api/v1/me", token: elsewhere).status == .unauthorized)
        }
    }
}
