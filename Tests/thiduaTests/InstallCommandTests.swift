import Foundation
import Testing
import ThiduaTesting

/// `thidua install` as an administrator types it on a new server (deploy/README.md step 3).
@Suite("InstallCommandTests")
struct InstallCommandTests {
    @Test("install catalogue loads once; install administrator makes the first admin, 66 for an unknown unit, 65 for a taken name")
    func installsTheCatalogueAndTheFirstAdministrator() async throws {
        let database = try await TestDatabase.make()
        let environment = ["DATABASE_URL": try database.connectionString(), "THIDUA_NEW_PASSWORD": "mật-khẩu-dài-đủ"]

        let first = try await BuiltCommand.run("thidua", ["install", "catalogue"], environment: environment)
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("loaded the Tủa Chùa catalogue"))
        let again = try await BuiltCommand.run("thidua", ["install", "catalogue"], environment: environment)
        #expect(again.status == 0 && again.output.contains("nothing loaded"), "\(again.output)\(again.error)")

        let unknown = try await BuiltCommand.run("thidua", [
            "install", "administrator", "--unit", "khong-co", "--username", "quantri", "--full-name", "Đào Minh Khôi",
        ], environment: environment)
        #expect(unknown.status == 66, "\(unknown.error)")
        let made = try await BuiltCommand.run("thidua", [
            "install", "administrator", "--unit", "hoi-dong-tdkt", "--username", "quantri", "--full-name", "Đào Minh Khôi",
        ], environment: environment)
        #expect(made.status == 0, "\(made.error)")
        #expect(made.output.contains("created administrator quantri"))
        let taken = try await BuiltCommand.run("thidua", [
            "install", "administrator", "--unit", "hoi-dong-tdkt", "--username", "quantri", "--full-name", "Người Khác",
        ], environment: environment)
        #expect(taken.status == 65, "\(taken.error)")
        #expect(taken.error.contains("username"), "\(taken.error)")

        // The administrator's password, which no administrator may reset, reset by the installer: 66 for no such account.
        var resetting = environment
        resetting["THIDUA_NEW_PASSWORD"] = "mật-khẩu-mới-dài"
        let nobody = try await BuiltCommand.run("thidua", ["install", "password", "--username", "khong-ai", "--reason", "Quên"], environment: resetting)
        #expect(nobody.status == 66, "\(nobody.error)")
        let reset = try await BuiltCommand.run("thidua", ["install", "password", "--username", "quantri", "--reason", "Quên mật khẩu"], environment: resetting)
        #expect(reset.status == 0 && reset.output.contains("reset the password of quantri"), "\(reset.error)")

        let verify = try await BuiltCommand.run("thidua", ["audit", "verify"], environment: environment)
        #expect(verify.status == 0, "\(verify.error)")
    }
}
