import ArgumentParser
import Foundation

struct CouncilVote: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vote",
        abstract: "Biểu quyết / Cast or change your vote on a nomination: approve, reject or abstain.",
        discussion: """
            A first vote needs no --version; changing it needs the version the first vote printed (--json shows it).
            A member excused at opening votes the same way, in writing, where the session's rule counts absent members' \
            written votes (the 90% rule of Nghị định 91/2017 does); elsewhere the vote is refused.
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The session: its title, as `thidua council list` prints it, or its id.") var session: String
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String
    @Argument(help: "approve, reject or abstain.") var choice: String
    @Option(help: "A comment (not under a secret ballot).") var comment: String?
    @Option(help: "The vote's version when changing it (0 casts a first vote).") var version = 0

    func validate() throws {
        guard ["approve", "reject", "abstain"].contains(choice) else {
            throw ValidationError("Lựa chọn phải là approve, reject hoặc abstain / the choice is approve, reject or abstain")
        }
    }

    func run() async throws {
        do {
            var body: [String: Any] = ["choice": choice, "version": version]
            if let comment { body["comment"] = comment }
            let server = try client.client()
            let lookup = Lookup(client: server)
            let (session, nomination) = (try await lookup.id(.session, session).uuidString, try await lookup.id(.nomination, nomination).uuidString)
            let reply = try await server.send(
                "PUT", "/api/v1/council/sessions/\(session)/votes/\(nomination)", json: try ServerClient.json(body))
            struct Vote: Decodable { var version: Int }
            let vote = try reply.decode(Vote.self)
            try client.print(reply) { Console.line("Đã ghi phiếu / vote recorded (\(choice)), phiên bản / version \(vote.version)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
