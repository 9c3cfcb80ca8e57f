import ArgumentParser

struct HoldsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Danh sách / A nominee's holds, past and present (secretariat, chairman, auditors).")

    @OptionGroup var client: ClientOptions
    @Option(help: "The nominee (id; see `thidua nominations show`).") var nominee: String

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/holds", query: ["nominee": nominee])
            let holds = try reply.decode([HoldSummary].self)
            try client.print(reply) {
                holds.forEach { $0.printLine() }
                Console.line("\(holds.count) biện pháp / holds")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
