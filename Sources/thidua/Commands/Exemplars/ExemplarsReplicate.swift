import ArgumentParser

struct ExemplarsReplicate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replicate", abstract: "Nhân rộng / Record that another unit adopted the exemplar (the following unit, or the secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The exemplar (id).") var id: String
    @Option(help: "The adopting unit (id; see GET /api/v1/units).") var unit: String
    @Option(help: "The day it was adopted, yyyy-MM-dd.") var on: Day
    @Option(help: "What came of it.") var result: String

    func run() async throws {
        do {
            let body: [String: Any] = ["adoptingUnitID": unit, "adoptedOn": on.text, "result": result]
            let reply = try await client.client().send("POST", "/api/v1/exemplars/\(id)/replications", json: try ServerClient.json(body))
            try client.print(reply) { Console.line("Đã ghi nhân rộng / Replication recorded: \(result)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
