import ArgumentParser

struct HoldsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Đặt / Place a hold on a nominee, with its basis (secretariat).")

    @OptionGroup var client: ClientOptions
    @Option(help: "The nominee (id).") var nominee: String
    @Option(help: "discipline, investigation, inspection or complaint.") var kind: String
    @Option(help: "The first day it applies, yyyy-MM-dd.") var from: Day
    @Option(help: "The first day it no longer applies, yyyy-MM-dd; without it, until lifted.") var until: Day?
    @Option(help: "What it rests on: the decision or notice, by number.") var basis: String

    func run() async throws {
        do {
            var body: [String: Any] = ["nomineeID": nominee, "kind": kind, "startsOn": from.text, "basis": basis]
            if let until { body["endsOn"] = until.text }
            let reply = try await client.client().send("POST", "/api/v1/holds", json: try ServerClient.json(body))
            let hold = try reply.decode(HoldSummary.self)
            try client.print(reply) { hold.printLine() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
