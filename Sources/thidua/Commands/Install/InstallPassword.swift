import Foundation
import ArgumentParser
import Postgres
import ThiduaCore

struct InstallPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Đặt lại mật khẩu / Reset an account's password with a reason, as the installer; the new password comes from THIDUA_NEW_PASSWORD or standard input.",
        discussion: """
            For an account whose password no administrator may reset from the pages: a unit's head, the secretariat, \
            a council member, the chairman, an auditor or an administrator (an administrator who resets a password \
            knows the new one). Audited with the reason; the account's sessions end. Exit 66 when no account has the \
            username, 65 when the password is shorter than 10 characters or the reason is empty.

            Example:
              thidua install password --username chutich.huyen --reason "Quên mật khẩu"
            """)

    @OptionGroup var target: SuperuserTarget
    @Option(help: "The account's username, such as chutich.huyen.") var username: String
    @Option(help: "Why, kept in the audit trail.") var reason: String

    func run() async throws {
        do {
            let password = try Environment.string("THIDUA_NEW_PASSWORD") ?? Login.readPassword()
            let connection = try await target.connect()
            defer { connection.close() }
            try await Installer(superuser: connection).resetPassword(username: username, to: password, reason: reason)
            Console.line("Đã đặt lại mật khẩu / reset the password of \(username.lowercased())")
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
