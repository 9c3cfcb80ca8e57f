import ArgumentParser
import Foundation

struct CouncilShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem phiên họp / Show a session, its items and, once closed, the tallies.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The session: its title, as `thidua council list` prints it, or its id.") var session: String

    func run() async throws {
        do {
            let server = try client.client()
            let session = try await Lookup(client: server).id(.session, session).uuidString
            let reply = try await server.send("GET", "/api/v1/council/sessions/\(session)")
            let summary = try reply.decode(CouncilSessionDetails.self)
            let names = client.json ? [:] : await summary.nomineeNames(from: server)
            try client.print(reply) { summary.printDetails(names: names) }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
