import ArgumentParser
import Foundation

struct DecisionsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem / Show a decision and its items.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The decision (number such as 2/QĐ-UBND once signed, or id).") var id: String

    func run() async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.decision, id)
            let reply = try await server.send("GET", "/api/v1/decisions/\(id.uuidString)")
            let decision = try reply.decode(DecisionDetails.self)
            try client.print(reply) { decision.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
