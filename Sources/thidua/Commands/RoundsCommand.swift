import ArgumentParser
import Foundation

struct RoundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds",
        abstract: "Đợt thi đua / The rounds of your area with their ids, dates and state (the --round of other commands).")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/rounds")
            struct Round: Decodable { var id: UUID; var name: String; var year: Int; var dueAt: Date; var state: String }
            let rounds = try reply.decode([Round].self)
            try client.print(reply) {
                for round in rounds {
                    Console.line("\(round.id.uuidString.lowercased())  \(round.year)  \(round.state)  hạn / due \(ISO8601DateFormatter().string(from: round.dueAt))  \(round.name)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
