import ArgumentParser

struct NoticesClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Kết thúc / Close a notice that has run, with its outcome (secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The notice (id).") var id: String
    @Option(help: "no_objection, objections_dismissed or objections_upheld.") var outcome: String
    @Option(help: "How the objections were settled (required unless no_objection).") var reason: String?
    @Option(help: "The version you read; without it, the current one.") var version: Int?

    func run() async throws {
        do {
            let server = try client.client()
            var expected = version
            if expected == nil { expected = try await server.send("GET", "/api/v1/notices/\(id)").decode(NoticeSummary.self).version }
            var body: [String: Any] = ["outcome": outcome, "version": expected ?? 0]
            if let reason { body["reason"] = reason }
            let reply = try await server.send("POST", "/api/v1/notices/\(id)/close", json: try ServerClient.json(body))
            let notice = try reply.decode(NoticeSummary.self)
            try client.print(reply) { notice.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
