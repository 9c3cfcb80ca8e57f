import ArgumentParser
import Foundation

struct CouncilOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Mở phiên họp / Open a session over verified nominations (secretariat).")

    @OptionGroup var client: ClientOptions
    @Option(help: "The round (id).") var round: String
    @Option(help: "The session's title.") var title: String
    @Option(help: "A rule other than the round's (id).") var rule: String?
    @Option(parsing: .upToNextOption, help: "Members excused at opening (ids).") var excused: [String] = []
    @Argument(help: "The verified nominations (ids).") var nominations: [String]

    func run() async throws {
        do {
            var body: [String: Any] = ["roundID": round, "title": title, "nominations": nominations, "excused": excused]
            if let rule { body["ruleID"] = rule }
            let reply = try await client.client().send("POST", "/api/v1/council/sessions", json: try ServerClient.json(body))
            let session = try reply.decode(CouncilSessionSummary.self)
            try client.print(reply) { session.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
