import ArgumentParser
import Foundation

struct NominationTransition: ParsableArguments {
    @OptionGroup var client: ClientOptions
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String
    @Option(help: "The version you read; without it, the current one.") var version: Int?

    /// Sends `event` and prints the nomination after it.
    func perform(_ event: (NominationSummary) -> String, reason: String? = nil) async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.nomination, nomination).uuidString
            let current = try await server.send("GET", "/api/v1/nominations/\(id)").decode(NominationSummary.self)
            var body: [String: Any] = ["event": event(current), "version": version ?? current.version]
            if let reason { body["reason"] = reason }
            let reply = try await server.send("POST", "/api/v1/nominations/\(id)/transitions", json: try ServerClient.json(body))
            let nomination = try reply.decode(NominationSummary.self)
            try client.print(reply) { Console.line(nomination.line) }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
