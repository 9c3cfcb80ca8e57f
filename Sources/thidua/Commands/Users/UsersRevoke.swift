import ArgumentParser
import Foundation
import ThiduaCore

struct UsersRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Thu hồi vai trò / Revoke a role, with a reason; --json prints the user after it.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (username, such as sinchai.canbo, or id).") var user: String
    @Argument(help: "The role.") var role: String
    @Option(help: "Why.") var reason: String

    func run() async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.user, user).uuidString
            try await server.send("DELETE", "/api/v1/users/\(id)/roles/\(role)", query: ["reason": reason])
            try await UserAccount.changed(id, done: "Đã thu hồi / revoked \(role)", on: server, client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
