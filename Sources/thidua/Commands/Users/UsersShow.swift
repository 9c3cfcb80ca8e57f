import ArgumentParser
import ThiduaCore

struct UsersShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Xem người dùng / Show a user: unit, active or not, the roles held in person (administrator).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (id).") var user: String

    func run() async throws {
        do {
            try await UserAccount.show(user, from: try client.client(), client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
