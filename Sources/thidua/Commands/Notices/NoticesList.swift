import ArgumentParser
import Foundation

struct NoticesList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Danh sách / The public notices you may see, newest first.")

    @OptionGroup var client: ClientOptions
    @Option(help: "Only those of this nomination (its nominee's full name or its id).") var nomination: String?
    @Flag(help: "Only those not yet closed.") var running = false

    func run() async throws {
        do {
            let server = try client.client()
            let nomination = try await Lookup(client: server).idIfGiven(.nomination, nomination)?.uuidString
            let reply = try await server.send(
                "GET", "/api/v1/notices", query: ["nomination": nomination, "running": running ? "true" : nil])
            let notices = try reply.decode([NoticeSummary].self)
            try client.print(reply) {
                notices.forEach { $0.printDetails() }
                Console.line("\(notices.count) đợt công khai / notices")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
