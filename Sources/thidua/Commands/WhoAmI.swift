import ArgumentParser
import Foundation

struct WhoAmI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "me", abstract: "Tôi là ai / Who the saved session is: unit and roles.")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/me")
            struct Me: Decodable { var userID: UUID; var unitID: UUID; var unitKind: String; var roles: [String] }
            let me = try reply.decode(Me.self)
            try client.print(reply) {
                Console.line("người dùng / user  \(me.userID.uuidString.lowercased())")
                Console.line("đơn vị / unit      \(me.unitID.uuidString.lowercased()) (\(me.unitKind))")
                Console.line("vai trò / roles    \(me.roles.joined(separator: ", "))")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
