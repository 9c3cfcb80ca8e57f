import ArgumentParser
import Foundation
import ThiduaCore

/// What disabling and enabling share: the user, the reason, the call; `--json` prints the user after the change.
struct UserActivation: ParsableArguments {
    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (username, such as sinchai.canbo, or id).") var user: String
    @Option(help: "Why (kept in the audit trail).") var reason: String

    func send(_ action: String, done: String) async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.user, user).uuidString
            try await server.send("POST", "/api/v1/users/\(id)/\(action)", json: try ServerClient.json(["reason": reason]))
            try await UserAccount.changed(id, done: done, on: server, client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
