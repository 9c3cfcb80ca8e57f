import ArgumentParser
import Foundation

struct CouncilShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem phiên họp / Show a session, its items and, once closed, the tallies.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The session (id).") var session: String

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/council/sessions/\(session)")
            let summary = try reply.decode(CouncilSessionDetails.self)
            try client.print(reply) { summary.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
