import ArgumentParser
import Foundation

struct DecisionsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Xuất văn bản / Write the decision as printed (UTF-8 text) to standard output or a file.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The decision (number such as 2/QĐ-UBND once signed, or id).") var id: String
    @Option(help: "Write here instead of standard output (with --json, the server's JSON).") var output: String?

    func run() async throws {
        do {
            let server = try client.client()
            let id = try await Lookup(client: server).id(.decision, id)
            let reply = try await server.send("GET", "/api/v1/decisions/\(id.uuidString)/document")
            struct Document: Decodable { var lines: [String] }
            let text = try reply.decode(Document.self).lines.joined(separator: "\n") + "\n"
            // With --json, the server's JSON goes where the text would have gone.
            try PrintOptions.write(client.json ? reply.body : Data(text.utf8), to: output)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
