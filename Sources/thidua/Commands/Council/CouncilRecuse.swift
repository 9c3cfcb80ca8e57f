import ArgumentParser
import Foundation

struct CouncilRecuse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recuse", abstract: "Xin không tham gia xét / Recuse yourself from a nomination, with a reason.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The session: its title, as `thidua council list` prints it, or its id.") var session: String
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String
    @Option(help: "Why.") var reason: String

    func run() async throws {
        do {
            let server = try client.client()
            let lookup = Lookup(client: server)
            let (session, nomination) = (try await lookup.id(.session, session).uuidString, try await lookup.id(.nomination, nomination).uuidString)
            let reply = try await server.send(
                "POST", "/api/v1/council/sessions/\(session)/recusals", json: try ServerClient.json(["nominationID": nomination, "reason": reason]))
            try client.print(reply) { Console.line("Đã ghi / recorded") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
