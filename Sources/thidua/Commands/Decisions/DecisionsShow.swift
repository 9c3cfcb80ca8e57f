import ArgumentParser
import Foundation

struct DecisionsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem / Show a decision and its items.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The decision (id).") var id: String

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/decisions/\(id)")
            let decision = try reply.decode(DecisionSummary.self)
            try client.print(reply) { decision.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
