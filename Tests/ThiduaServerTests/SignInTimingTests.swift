import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaServer
import ThiduaTesting

/// A failed sign-in takes as long whether the username exists, is disabled or not (0027), measured over HTTP
/// rather than read from the answer (which is one 401 for all three). Before 0027 an unknown or disabled name
/// skipped bcrypt and was answered in a few milliseconds instead of a bcrypt's tens.
///
/// Each try comes from an address of its own (the test client is a trusted proxy naming it in
/// `X-Forwarded-For`), so no throttle delay ever applies. The three kinds are tried back to back in each round,
/// in an order that rotates, and compared round by round: the median of a round's difference between two kinds.
/// The parallel suite on two shared cores makes a whole round slower or faster by far more than the difference
/// sought, and a round's three tries share it, so it cancels out of their difference; the median ignores the
/// odd try a busy moment fell on alone.
@Suite("SignInTimingTests")
struct SignInTimingTests {
    enum Kind: String, CaseIterable {
        case wrongPassword = "an existing user with a wrong password"
        case unknownUser = "an unknown username"
        case disabledUser = "a disabled user with the right password"
    }

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let warmUp = 5, tries = 40
    static let password = "mật khẩu đúng"

    /// How far apart two kinds may lie (the median of their rounds' differences): a quarter of a wrong
    /// password's median time, or 15 ms when that is more. bcrypt at the accounts' cost (bf 10) is nearly all
    /// of that time (80 ms or more here), so a kind that skips it lies about that far off and fails by far;
    /// two kinds that both pay for it differ by a few milliseconds.
    static func tolerance(_ wrongPassword: Duration) -> Duration {
        max(wrongPassword * 0.25, .milliseconds(15))
    }

    static func median(_ durations: [Duration]) -> Duration {
        durations.sorted()[durations.count / 2]
    }

    func body(_ kind: Kind) -> [String: Any] {
        switch kind {
        case .wrongPassword: ["username": "timing.known", "password": "mật khẩu sai"]
        case .unknownUser: ["username": "timing.nobody", "password": "mật khẩu sai"]
        case .disabledUser: ["username": "timing.disabled", "password": Self.password]
        }
    }

    @Test("a failed sign-in of an existing, an unknown and a disabled username takes the same time, round by round")
    func failedSignInsTakeTheSameTime() async throws {
        try await APIWorld.run(verifier: false, trustedProxies: IPNetwork.loopback) { world, api in
            // Hashed at the cost accounts get from NewAccount and change_password, not the
            // fixture's cheap bf 4.
            try await world.asInstaller {
                _ = try await $0.query("""
                    INSERT INTO thidua.users (unit_id, username, full_name, password_hash, active) VALUES
                        (\(world.communeA), 'timing.known', 'Lò Văn Đo', crypt(\(Self.password), gen_salt('bf', 10)), true),
                        (\(world.communeA), 'timing.disabled', 'Lò Văn Khóa', crypt(\(Self.password), gen_salt('bf', 10)), false)
                    """)
            }
            var times: [Kind: [Duration]] = [:]
            var address = 0
            for round in 0..<(Self.warmUp + Self.tries) {
                let kinds = Kind.allCases, first = round % kinds.count
                for kind in kinds[first...] + kinds[..<first] {
                    address += 1
                    let from = "10.26.\(address / 250).\(address % 250 + 1)"
                    let start = ContinuousClock.now
                    let reply = try await api.send(.post, "/api/v1/sessions", json: body(kind), headers: [Self.forwardedFor: from])
                    let elapsed = ContinuousClock.now - start
                    #expect(reply.status == .unauthorized && reply.errorCode == "invalid_credentials", "\(kind): \(reply.text)")
                    if round >= Self.warmUp { times[kind, default: []].append(elapsed) }
                }
            }
            let medians = times.mapValues(Self.median)
            let report = Kind.allCases.map { "\($0.rawValue): \(medians[$0]!)" }.joined(separator: "; ")
            let tolerance = Self.tolerance(medians[.wrongPassword]!)
            var differences: [String] = []
            for (a, b) in [(Kind.wrongPassword, Kind.unknownUser), (.wrongPassword, .disabledUser), (.unknownUser, .disabledUser)] {
                let difference = Self.median(zip(times[a]!, times[b]!).map { $0 - $1 })
                #expect(max(difference, .zero - difference) <= tolerance, "\(a.rawValue) − \(b.rawValue): \(difference) per round; \(report)")
                differences.append("\(difference)")
            }
            print("SignInTimingTests medians: \(report); per-round differences: \(differences.joined(separator: ", ")) (at most \(tolerance))")
        }
    }
}
