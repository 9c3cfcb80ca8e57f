import ArgumentParser
import Foundation

struct CouncilClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Kết thúc phiên họp / Close a session and count every item (secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The session: its title, as `thidua council list` prints it, or its id.") var session: String
    @Option(help: "The session's version you read; without it, the current one.") var version: Int?

    func run() async throws {
        do {
            let server = try client.client()
            let session = try await Lookup(client: server).id(.session, session).uuidString
            var expected = version
            if expected == nil {
                expected = try await server.send("GET", "/api/v1/council/sessions/\(session)").decode(CouncilSessionDetails.self).version
            }
            let reply = try await server.send(
                "POST", "/api/v1/council/sessions/\(session)/close", json: try ServerClient.json(["version": expected ?? 0]))
            let summary = try reply.decode(CouncilSessionDetails.self)
            let names = client.json ? [:] : await summary.nomineeNames(from: server)
            try client.print(reply) { summary.printDetails(names: names) }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
