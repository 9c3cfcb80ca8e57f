import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTesting

/// Sign-in throttling over HTTP, behind a trusted proxy (the test client, on loopback) that names each client in
/// `X-Forwarded-For`: growing delays per (username, address) and per address instead of a lock, refused tries
/// that do not extend the wait, the same for a password change's old password, and the sign-in page's answer.
/// Delays pass by ageing the recorded attempts (as the superuser), never by sleeping. Which headers are believed
/// is in ``ForwardedHeadersTests``.
@Suite("SignInThrottleTests")
struct SignInThrottleTests {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let addressA = "198.51.100.7", addressB = "203.0.113.9"

    func signIn(_ api: APIClient, _ username: String, _ password: String, from address: String? = nil) async throws -> Reply {
        try await api.send(.post, "/api/v1/sessions", json: ["username": username, "password": password],
                           headers: address.map { [Self.forwardedFor: $0] } ?? [:])
    }

    /// The failures recorded for `username` from `address`.
    func failures(_ world: RecordsWorld, _ username: String, from address: String) async throws -> Int {
        try await world.superuser { connection in
            try await connection.query("""
                SELECT count(*)::int FROM thidua.sign_in_attempts WHERE username = \(username) AND address = \(address)::inet AND NOT succeeded
                """).single()!.decode(Int.self, at: 0)
        }
    }

    /// Seconds of the first delay in these tests. The shipped one (1 s) is shorter than a request can take
    /// under the parallel suite on two cores, where a wait would pass before the next try arrived; a minute
    /// never does, and the waits are passed by ageing the attempts anyway.
    static let unit = 60

    func lengthenDelays(_ world: RecordsWorld) async throws {
        try await world.asInstaller {
            _ = try await $0.query("UPDATE thidua.sign_in_rules SET first_delay = make_interval(secs => \(Self.unit)), longest_delay = '1 day'")
        }
    }

    /// Moves every recorded attempt `seconds` into the past: as if that long had gone by.
    func age(_ world: RecordsWorld, by seconds: Double) async throws {
        try await world.superuser { _ = try await $0.query("UPDATE thidua.sign_in_attempts SET attempted_at = attempted_at - make_interval(secs => \(seconds))") }
    }

    @Test("wrong passwords for the chairman from one address never stop the chairman signing in from another")
    func noLockOut() async throws {
        try await APIWorld.run(verifier: false, trustedProxies: IPNetwork.loopback) { world, api in
            try await lengthenDelays(world)
            for _ in 1...5 {
                let wrong = try await signIn(api, "chairman", "sai", from: Self.addressA)
                #expect(wrong.status == .unauthorized && wrong.errorCode == "invalid_credentials")
            }
            // The attacker's address must wait now, even with the right password…
            let attacker = try await signIn(api, "chairman", APIClient.password, from: Self.addressA)
            #expect(attacker.status == .tooManyRequests && attacker.errorCode == "throttled", "\(attacker.text)")
            // …and the chairman, elsewhere, is not refused.
            let chairman = try await signIn(api, "chairman", APIClient.password, from: Self.addressB)
            #expect(chairman.status == .created, "\(chairman.text)")
        }
    }

    @Test("from one address the wait doubles with each failure, and a try during it is 429 with Retry-After that does not extend it")
    func growingDelays() async throws {
        try await APIWorld.run(verifier: false, trustedProxies: IPNetwork.loopback) { world, api in
            try await lengthenDelays(world)
            for _ in 1...5 {
                #expect(try await signIn(api, "heada", "sai", from: Self.addressA).status == .unauthorized)
            }
            var waits: [Int] = []
            for failure in 6...9 {
                let refused = try await signIn(api, "heada", "sai", from: Self.addressA)
                #expect(refused.status == .tooManyRequests && refused.errorCode == "throttled")
                let wait = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
                waits.append(wait)
                // Refused tries are not failures: neither this one nor another at once lengthens the wait.
                let again = try await signIn(api, "heada", APIClient.password, from: Self.addressA)
                #expect(again.status == .tooManyRequests && again.headers[.retryAfter].flatMap { Int($0) } ?? .max <= wait)
                #expect(try await failures(world, "heada", from: Self.addressA) == failure - 1)
                try await age(world, by: Double(wait) + 0.1)
                #expect(try await signIn(api, "heada", "sai", from: Self.addressA).status == .unauthorized)
            }
            // 1, 2, 4, 8 units (a slow machine may have used some seconds of each by the time it reads it).
            #expect(zip([1, 2, 4, 8].map { $0 * Self.unit }, waits).allSatisfy { expected, wait in (expected - 30...expected).contains(wait) }, "\(waits)")
            let refused = try await signIn(api, "heada", APIClient.password, from: Self.addressA)
            let error = try #require(try refused.object()["error"] as? [String: Any])
            #expect(error["vietnamese"] as? String == "Nhập sai mật khẩu nhiều lần. Vui lòng chờ \(refused.headers[.retryAfter] ?? "") giây rồi thử lại.")
            #expect((error["english"] as? String)?.hasPrefix("Too many wrong passwords.") == true)
            // Once the wait is over the right password works, and ends the run of failures: the next are free again.
            try await age(world, by: Double(16 * Self.unit) + 0.1)
            #expect(try await signIn(api, "heada", APIClient.password, from: Self.addressA).status == .created)
            #expect(try await signIn(api, "heada", "sai", from: Self.addressA).status == .unauthorized)
            #expect(try await signIn(api, "heada", "sai", from: Self.addressA).status == .unauthorized)
        }
    }

    @Test("a wrong old password on a password change counts and is throttled like sign-in: 429 with Retry-After")
    func passwordChangeIsThrottled() async throws {
        try await APIWorld.run(verifier: false, trustedProxies: IPNetwork.loopback) { world, api in
            try await lengthenDelays(world)
            let token = try await api.signIn(.clerkA)
            func change(_ old: String) async throws -> Reply {
                try await api.send(.put, "/api/v1/me/password", token: token, json: ["oldPassword": old, "newPassword": "một mật khẩu mới"],
                                   headers: [Self.forwardedFor: Self.addressA])
            }
            for _ in 1...5 {
                let wrong = try await change("sai")
                #expect(wrong.status == .unauthorized && wrong.errorCode == "invalid_credentials")
            }
            let refused = try await change(APIClient.password)
            #expect(refused.status == .tooManyRequests && refused.errorCode == "throttled" && (1...Self.unit).contains(refused.headers[.retryAfter].flatMap { Int($0) } ?? 0), "\(refused.text)")
            // The same pair: signing in as the clerk from there waits too; the refusal recorded nothing.
            #expect(try await signIn(api, "clerka", APIClient.password, from: Self.addressA).status == .tooManyRequests)
            #expect(try await failures(world, "clerka", from: Self.addressA) == 5)
            try await age(world, by: Double(Self.unit) + 0.1)
            #expect(try await change(APIClient.password).status == .noContent)
        }
    }

    @Test("the sign-in page shows a throttled try in Vietnamese with 429 and Retry-After, not a fault")
    func signInPageWhenThrottled() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            try await lengthenDelays(world)
            let form = try await api.send(.get, "/dang-nhap")
            let token = try #require(PageClient.csrf(in: form.text))
            let pages = PageClient(api: api, session: "")
            func post(_ password: String) async throws -> Reply {
                try await pages.post("/dang-nhap", [("_csrf", token), ("username", "clerka"), ("password", password)],
                                     cookies: "thidua_dang_nhap=\(token)")
            }
            for _ in 1...5 { #expect(try await post("sai").status == .unauthorized) }
            let refused = try await post(APIClient.password)
            let wait = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect(refused.status == .tooManyRequests && (1...Self.unit).contains(wait))
            #expect(refused.text.contains("Nhập sai mật khẩu nhiều lần. Vui lòng chờ \(wait) giây rồi thử lại."), "\(refused.text)")
        }
    }

    @Test("the password page shows a throttled change in Vietnamese with 429 and Retry-After")
    func passwordPageWhenThrottled() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            try await lengthenDelays(world)
            let pages = PageClient(api: api, session: try await api.signIn(.clerkA))
            func post(_ old: String) async throws -> Reply {
                try await pages.post("/mat-khau", [("_csrf", try await pages.csrf(on: "/mat-khau")), ("oldPassword", old),
                                                   ("newPassword", "một mật khẩu mới"), ("confirmPassword", "một mật khẩu mới")])
            }
            for _ in 1...5 { #expect(try await post("sai").status == .unauthorized) }
            let refused = try await post(APIClient.password)
            let wait = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect(refused.status == .tooManyRequests && (1...Self.unit).contains(wait))
            #expect(refused.text.contains("Nhập sai mật khẩu nhiều lần. Vui lòng chờ \(wait) giây rồi thử lại."), "\(refused.text)")
        }
    }
}
