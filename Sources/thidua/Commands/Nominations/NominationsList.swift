import ArgumentParser
import Foundation

struct NominationsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liệt kê / List the nominations you may see, in Vietnamese order of the nominee's name.")

    @OptionGroup var client: ClientOptions
    @Option(help: "Only this round (code or id).") var round: String?
    @Option(help: "Only this movement (code or id).") var movement: String?
    @Option(help: "Only this unit (code or id).") var unit: String?
    @Option(help: "Only these states, comma-separated (draft, submitted, endorsed, verified, returned, …).") var state: String?
    @Option(help: "Words of the nominee's name, diacritics optional (\"nguyen van\").") var search: String?
    @Option(help: "At most this many (1–500).") var limit = 50
    @Option(help: "Skip this many.") var offset = 0

    func run() async throws {
        do {
            let server = try client.client()
            let lookup = Lookup(client: server)
            let reply = try await server.send("GET", "/api/v1/nominations", query: [
                "round": try await lookup.idIfGiven(.round, round)?.uuidString, "movement": try await lookup.idIfGiven(.movement, movement)?.uuidString,
                "unit": try await lookup.idIfGiven(.unit, unit)?.uuidString, "state": state, "q": search,
                "limit": String(limit), "offset": String(offset),
            ])
            struct Page: Decodable { var items: [NominationSummary] }
            let page = try reply.decode(Page.self)
            try client.print(reply) {
                for item in page.items { Console.line(item.line) }
                Console.line("\(page.items.count) hồ sơ / nominations")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
