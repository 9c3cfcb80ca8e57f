import ArgumentParser

struct ExemplarsPropagate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propagate", abstract: "Tuyên truyền / Record an activity spreading the exemplar (the following unit, or the secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The exemplar (id).") var id: String
    @Option(help: "exchange, study_visit, experience_report or media.") var kind: String
    @Option(help: "The day it was held, yyyy-MM-dd.") var on: Day
    @Option(help: "Who took part or was reached.") var audience: String?
    @Option(help: "Anything else worth keeping.") var note: String?

    func run() async throws {
        do {
            var body: [String: Any] = ["kind": kind, "heldOn": on.text]
            if let audience { body["audience"] = audience }
            if let note { body["note"] = note }
            let reply = try await client.client().send("POST", "/api/v1/exemplars/\(id)/propagations", json: try ServerClient.json(body))
            try client.print(reply) { Console.line("Đã ghi hoạt động tuyên truyền / Propagation recorded: \(kind) \(on.text)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
