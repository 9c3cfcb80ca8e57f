import ArgumentParser
import Foundation

struct NominationsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem / Show one nomination.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String

    func run() async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.nomination, nomination).uuidString
            let reply = try await server.send("GET", "/api/v1/nominations/\(id)")
            let nomination = try reply.decode(NominationSummary.self)
            try client.print(reply) { nomination.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
