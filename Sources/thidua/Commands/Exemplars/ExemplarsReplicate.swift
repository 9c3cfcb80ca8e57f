import ArgumentParser
import Foundation

struct ExemplarsReplicate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replicate", abstract: "Nhân rộng / Record that another unit adopted the exemplar (the following unit, or the secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The exemplar (id).") var id: String
    @Option(help: "The adopting unit (code, as GET /api/v1/units gives it, or id).") var unit: String
    @Option(help: "The day it was adopted, yyyy-MM-dd.") var on: Day
    @Option(help: "What came of it.") var result: String

    func run() async throws {
        do {
            let server = try client.client()
            let unit = try await Lookup(client: server).id(.unit, unit)
            let body: [String: Any] = ["adoptingUnitID": unit.uuidString, "adoptedOn": on.text, "result": result]
            let reply = try await server.send("POST", "/api/v1/exemplars/\(id)/replications", json: try ServerClient.json(body))
            try client.print(reply) { Console.line("Đã ghi nhân rộng / Replication recorded: \(result)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
