import ArgumentParser

/// What disabling and enabling share: the user, the reason, the call.
struct UserActivation: ParsableArguments {
    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (id).") var user: String
    @Option(help: "Why (kept in the audit trail).") var reason: String

    func send(_ action: String, done: String) async throws {
        do {
            try await client.client().send("POST", "/api/v1/users/\(user)/\(action)", json: try ServerClient.json(["reason": reason]))
            Console.line(done)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
