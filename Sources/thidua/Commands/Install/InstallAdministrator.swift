import Foundation
import ArgumentParser
import Postgres
import ThiduaCore

struct InstallAdministrator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "administrator",
        abstract: "Tạo quản trị viên / Create an administrator (role admin); the password comes from THIDUA_NEW_PASSWORD or standard input.",
        discussion: """
            Only the installer grants `admin`: an administrator cannot make another. The administrator holds no \
            workflow role, and then creates the office's users and grants their roles from the pages or with \
            `thidua users`. Exit 66 when no unit has the code, 65 when the username is taken or not valid.
            """)

    @OptionGroup var target: SuperuserTarget
    @Option(help: "The unit's code, such as hoi-dong-tdkt.") var unit: String
    @Option(help: "The area, only when several areas have a unit with this code (e.g. dien-bien/tua-chua).") var area: String?
    @Option(help: "3–64 characters of a–z, 0–9, '.', '_', '-'.") var username: String
    @Option(name: .customLong("full-name"), help: "Full name, with diacritics.") var fullName: String

    func run() async throws {
        do {
            let password = try Environment.string("THIDUA_NEW_PASSWORD") ?? Login.readPassword()
            let connection = try await target.connect()
            defer { connection.close() }
            let id = try await Installer(superuser: connection).createAdministrator(
                unitCode: unit, areaID: area, username: username, fullName: fullName, password: password)
            Console.line("Đã tạo quản trị viên / created administrator \(username.lowercased()) (\(id.uuidString.lowercased()))")
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
