import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// A password is one password however the keyboard composed its letters (0027): "Mật khẩu-đúng" typed as
/// precomposed letters (NFC) or as letters followed by combining marks (NFD) opens the same account, whichever
/// form made it, through account creation, sign-in and a password change over the real HTTP server.
@Suite("PasswordNormalisationTests")
struct PasswordNormalisationTests {
    static let composed = "Mật khẩu-đúng".precomposedStringWithCanonicalMapping
    static let decomposed = "Mật khẩu-đúng".decomposedStringWithCanonicalMapping

    @Test("the two forms really differ as bytes (Swift's == calls them equal)")
    func formsDiffer() {
        #expect(Array(Self.composed.utf8) != Array(Self.decomposed.utf8))
        #expect(Self.decomposed.unicodeScalars.count > Self.composed.unicodeScalars.count)
    }

    func signIn(_ api: APIClient, _ username: String, _ password: String) async throws -> Reply {
        try await api.send(.post, "/api/v1/sessions", json: ["username": username, "password": password])
    }

    /// The administrator creates `username` over HTTP with `password`.
    func create(_ world: RecordsWorld, _ api: APIClient, _ username: String, password: String) async throws {
        let admin = try await api.signIn(.admin)
        let created = try await api.send(.post, "/api/v1/users", token: admin, json: [
            "unitID": world.communeA.uuidString, "username": username, "fullName": "Giàng Thị Dua", "password": password,
        ])
        #expect(created.status == .created, "\(created.text)")
    }

    @Test("an account made with the password typed decomposed signs in with it typed composed, and with it as made")
    func madeDecomposedSignsInComposed() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            try await create(world, api, "giang.dua", password: Self.decomposed)
            let composed = try await signIn(api, "giang.dua", Self.composed)
            #expect(composed.status == .created, "\(composed.text)")
            #expect(try await signIn(api, "giang.dua", Self.decomposed).status == .created)
        }
    }

    @Test("an account made with the password typed composed signs in with it typed decomposed")
    func madeComposedSignsInDecomposed() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            try await create(world, api, "giang.dua", password: Self.composed)
            let decomposed = try await signIn(api, "giang.dua", Self.decomposed)
            #expect(decomposed.status == .created, "\(decomposed.text)")
            #expect(try await signIn(api, "giang.dua", "Mat khau-dung").status == .unauthorized)
        }
    }

    @Test("a password changed to the decomposed form signs in composed, and the old one proven decomposed is accepted")
    func passwordChangeNormalises() async throws {
        try await APIWorld.run(verifier: false) { _, api in
            // The fixture's clerk: a password change needs a role, and the fixture's password was hashed composed.
            let token = try await api.signIn(.clerkA)
            let changed = try await api.send(.put, "/api/v1/me/password", token: token, json: [
                "oldPassword": APIClient.password.decomposedStringWithCanonicalMapping, "newPassword": Self.decomposed,
            ])
            #expect(changed.status == .noContent, "\(changed.text)")
            let composed = try await signIn(api, "clerka", Self.composed)
            #expect(composed.status == .created, "\(composed.text)")
        }
    }

    @Test("a hash made before 0027 from a decomposed password still admits that password typed the same way")
    func olderDecomposedHashStillWorks() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            try await world.asInstaller {
                _ = try await $0.query("UPDATE thidua.users SET password_hash = crypt(\(Self.decomposed), gen_salt('bf', 4)) WHERE username = 'clerka'")
            }
            #expect(try await signIn(api, "clerka", Self.decomposed).status == .created)
        }
    }
}
