import ArgumentParser
import Foundation

struct MovementsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Xem phong trào / Show a movement: criteria, lead and partner units, each round's minimums.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The movement (code, as `thidua movements list` prints it, or id).") var movement: String

    func run() async throws {
        do {
            let server = try client.client()
            let movement = try await Lookup(client: server).id(.movement, movement)
            let reply = try await server.send("GET", "/api/v1/movements/\(movement.uuidString)")
            let details = try reply.decode(MovementDescription.self)
            try client.print(reply) { details.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
