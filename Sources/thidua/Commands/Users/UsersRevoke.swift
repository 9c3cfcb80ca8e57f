import ArgumentParser

struct UsersRevoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Thu hồi vai trò / Revoke a role, with a reason.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (id).") var user: String
    @Argument(help: "The role.") var role: String
    @Option(help: "Why.") var reason: String

    func run() async throws {
        do {
            try await client.client().send("DELETE", "/api/v1/users/\(user)/roles/\(role)", query: ["reason": reason])
            Console.line("Đã thu hồi / revoked \(role)")
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
