import ArgumentParser

struct NoticesObject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "object",
        abstract: "Ghi ý kiến / Record an objection (or, with --comment, a comment) the notice received (secretariat, or the nomination's unit).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The notice (id; see `thidua notices list`).") var id: String
    @Option(help: "Who raised it, as they gave it.") var objector: String
    @Option(help: "What it says.") var content: String
    @Option(help: "The day it arrived, yyyy-MM-dd.") var received: Day
    @Flag(help: "A comment (góp ý), kept but not to be settled, rather than an objection (phản ánh).") var comment = false

    func run() async throws {
        do {
            let body: [String: Any] = [
                "kind": comment ? "comment" : "objection", "objector": objector, "content": content, "receivedOn": received.text,
            ]
            let reply = try await client.client().send("POST", "/api/v1/notices/\(id)/objections", json: try ServerClient.json(body))
            try client.print(reply) { Console.line("Đã ghi ý kiến của / Recorded from \(objector)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
