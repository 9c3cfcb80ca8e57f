import ArgumentParser
import Foundation

struct UsersCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Tạo người dùng / Create a user of a unit; the password comes from THIDUA_NEW_PASSWORD or standard input.")

    @OptionGroup var client: ClientOptions
    @Option(help: "The unit (code, as GET /api/v1/units gives it, or id).") var unit: String
    @Option(help: "3–64 characters of a–z, 0–9, '.', '_', '-'.") var username: String
    @Option(name: .customLong("full-name"), help: "Full name, with diacritics.") var fullName: String

    func run() async throws {
        do {
            let password = try Environment.string("THIDUA_NEW_PASSWORD") ?? Login.readPassword()
            let server = try client.client()
            let unit = try await Lookup(client: server).id(.unit, unit)
            let reply = try await server.send("POST", "/api/v1/users", json: try ServerClient.json([
                "unitID": unit.uuidString, "username": username, "fullName": fullName, "password": password,
            ]))
            struct Created: Decodable { var id: UUID }
            let created = try reply.decode(Created.self)
            try client.print(reply) { Console.line(created.id.uuidString.lowercased()) }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
