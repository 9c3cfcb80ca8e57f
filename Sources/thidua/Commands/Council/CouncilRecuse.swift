import ArgumentParser
import Foundation

struct CouncilRecuse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recuse", abstract: "Xin không tham gia xét / Recuse yourself from a nomination, with a reason.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The session (id).") var session: String
    @Argument(help: "The nomination (id).") var nomination: String
    @Option(help: "Why.") var reason: String

    func run() async throws {
        do {
            let reply = try await client.client().send(
                "POST", "/api/v1/council/sessions/\(session)/recusals", json: try ServerClient.json(["nominationID": nomination, "reason": reason]))
            try client.print(reply) { Console.line("Đã ghi / recorded") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
