import ArgumentParser
import Foundation

struct NominationsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem / Show one nomination.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The nomination's id.") var id: String

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/nominations/\(id)")
            let nomination = try reply.decode(NominationSummary.self)
            try client.print(reply) { nomination.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
