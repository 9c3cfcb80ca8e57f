import ArgumentParser
import ThiduaCore

/// What disabling and enabling share: the user, the reason, the call; `--json` prints the user after the change.
struct UserActivation: ParsableArguments {
    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (id).") var user: String
    @Option(help: "Why (kept in the audit trail).") var reason: String

    func send(_ action: String, done: String) async throws {
        do {
            let server = try client.client()
            try await server.send("POST", "/api/v1/users/\(user)/\(action)", json: try ServerClient.json(["reason": reason]))
            try await UserAccount.changed(user, done: done, on: server, client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
