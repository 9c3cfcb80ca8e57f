import ArgumentParser
import Foundation

struct NominationsCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Tạo dự thảo / Start a draft for your unit, from flags or a JSON file.",
        discussion: """
            --file takes the body of POST /api/v1/nominations (see /openapi.yaml, NominationCreate): the way to \
            give criteria answers and indicator figures. Flags given as well override the file's fields.
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: "A JSON file with the whole nomination.") var file: String?
    @Option(help: "The round (code, as `thidua rounds list` prints it, or id).") var round: String?
    @Option(help: "The movement (code, as `thidua movements list` prints it, or id).") var movement: String?
    @Option(help: "The nominee's kind: individual, collective, household, locality.") var kind: String?
    @Option(help: "The nominee's name.") var name: String?
    @Option(help: "An existing nominee (id), instead of --kind.") var nominee: String?
    @Option(help: "The title proposed.") var title: String?
    @Option(help: "The achievements, in a few sentences.") var achievements: String?

    func run() async throws {
        do {
            let server = try client.client()
            let lookup = Lookup(client: server)
            var body = try file.map(JSONFile.object) ?? [:]
            if let round = try await lookup.idIfGiven(.round, round) { body["roundID"] = round.uuidString }
            if let movement = try await lookup.idIfGiven(.movement, movement) { body["movementID"] = movement.uuidString }
            var person = body["nominee"] as? [String: Any] ?? [:]
            if let kind { person["kind"] = kind }
            if let name { person["name"] = name }
            if let nominee { person["id"] = nominee }
            body["nominee"] = person
            if let title { body["title"] = title }
            if let achievements { body["achievements"] = achievements }
            let reply = try await server.send("POST", "/api/v1/nominations", json: try ServerClient.json(body))
            let nomination = try reply.decode(NominationSummary.self)
            try client.print(reply) { Console.line(nomination.line) }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
