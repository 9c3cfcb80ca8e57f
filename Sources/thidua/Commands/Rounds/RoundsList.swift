import ArgumentParser
import Foundation

struct RoundsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Đợt thi đua / The rounds of your area with their codes, dates and state (the --round of other commands).")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/rounds")
            struct Round: Decodable { var code: String; var name: String; var year: Int; var dueAt: Date; var state: String }
            let rounds = try reply.decode([Round].self)
            try client.print(reply) {
                for round in rounds {
                    Console.line("\(round.code)  \(round.year)  \(round.state)  hạn / due \(VietnamTime.text(round.dueAt))  \(round.name)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
