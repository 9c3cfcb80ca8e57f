import ArgumentParser
import Foundation

struct MovementsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Danh sách phong trào / The movements with their codes (the --movement of other commands).")

    @OptionGroup var client: ClientOptions

    struct Movement: Decodable { var code: String; var name: String; var active: Bool; var criteria: [MovementDescription.Criterion] }

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/movements")
            let movements = try reply.decode([Movement].self)
            try client.print(reply) {
                for movement in movements {
                    let state = movement.active ? "" : "  (đã dừng / inactive)"
                    Console.line("\(movement.code)  \(movement.name) — \(movement.criteria.count) tiêu chí / criteria\(state)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
