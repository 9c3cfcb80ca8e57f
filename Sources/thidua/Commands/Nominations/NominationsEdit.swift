import ArgumentParser
import Foundation

struct NominationsEdit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Sửa / Change a draft's or a returned nomination's content.",
        discussion: "Fields not given keep their current values; --file takes NominationContent of /openapi.yaml.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String
    @Option(help: "The version you read; without it, the current one.") var version: Int?
    @Option(help: "A JSON file with the content.") var file: String?
    @Option(help: "The nominee's name as written on this nomination.") var name: String?
    @Option(help: "The title proposed.") var title: String?
    @Option(help: "The achievements.") var achievements: String?

    func run() async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.nomination, nomination).uuidString
            let current = try await server.send("GET", "/api/v1/nominations/\(id)")
            guard var body = try JSONSerialization.jsonObject(with: current.body) as? [String: Any] else {
                throw ValidationError("unexpected answer")
            }
            body = body.filter { ["nomineeName", "title", "achievements", "criteriaAnswers", "indicators"].contains($0.key) }
            if let file { body.merge(try JSONFile.object(file)) { $1 } }
            if let name { body["nomineeName"] = name }
            if let title { body["title"] = title }
            if let achievements { body["achievements"] = achievements }
            let expected = try version ?? current.decode(NominationSummary.self).version
            let reply = try await server.send(
                "PUT", "/api/v1/nominations/\(id)", json: try ServerClient.json(body), headers: ["If-Match": "\"v\(expected)\""])
            let nomination = try reply.decode(NominationSummary.self)
            try client.print(reply) { Console.line(nomination.line) }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
