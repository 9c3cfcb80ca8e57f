import ArgumentParser
import Foundation
import ThiduaCore

struct UsersGrant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grant", abstract: "Cấp vai trò / Grant a role (never to yourself); --json prints the user after it.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (username, such as sinchai.canbo, or id).") var user: String
    @Argument(help: "unit_clerk, unit_head, secretariat, council_member, chairman, auditor or admin.") var role: String

    func run() async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.user, user).uuidString
            try await server.send("POST", "/api/v1/users/\(id)/roles", json: try ServerClient.json(["role": role]))
            try await UserAccount.changed(id, done: "Đã cấp / granted \(role)", on: server, client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
