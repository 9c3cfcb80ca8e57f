import ArgumentParser

struct HoldsLift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lift", abstract: "Gỡ / Lift a hold from a day on, with the reason (secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The hold (id; see `thidua holds list`).") var id: String
    @Option(help: "The first day it no longer applies, yyyy-MM-dd; default today.") var on: Day?
    @Option(help: "Why it is lifted.") var reason: String
    @Option(help: "The version you read (`thidua holds list` shows it as [vN]).") var version: Int

    func run() async throws {
        do {
            var body: [String: Any] = ["reason": reason, "version": version]
            if let on { body["liftedOn"] = on.text }
            let reply = try await client.client().send("POST", "/api/v1/holds/\(id)/lift", json: try ServerClient.json(body))
            let hold = try reply.decode(HoldSummary.self)
            try client.print(reply) { hold.printLine() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
