import ArgumentParser

struct ExemplarsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Danh sách / The exemplars you may see, by name.")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/exemplars")
            let exemplars = try reply.decode([ExemplarSummary].self)
            try client.print(reply) {
                exemplars.forEach { $0.printLine() }
                Console.line("\(exemplars.count) điển hình / exemplars")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
