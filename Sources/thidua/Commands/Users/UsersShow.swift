import ArgumentParser
import Foundation
import ThiduaCore

struct UsersShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Xem người dùng / Show a user: unit, active or not, the roles held in person (administrator).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (username, such as sinchai.canbo, or id).") var user: String

    func run() async throws {
        do {
            let server = try client.client()
            try await UserAccount.show(try await Lookup(client: server).id(.user, user).uuidString, from: server, client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
