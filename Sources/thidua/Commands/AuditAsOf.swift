import ArgumentParser
import Foundation

struct AuditAsOf: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "as-of",
        abstract: "Hồ sơ tại một thời điểm / A nomination as it was at a moment, rebuilt from the audit trail on a running server.",
        discussion: """
            Example:
              thidua audit as-of 3f0c… --at 2021-11-12T17:00:00Z
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String
    @Option(help: "The moment, ISO 8601 (2021-11-12T17:00:00Z).") var at: String

    func validate() throws {
        guard ISO8601DateFormatter().date(from: at) != nil else { throw ValidationError("--at: ISO 8601, e.g. 2021-11-12T17:00:00Z") }
    }

    func run() async throws {
        do {
            let server = try client.client()
            let nomination = try await Lookup(client: server).id(.nomination, nomination).uuidString
            let reply = try await server.send("GET", "/api/v1/nominations/\(nomination)/as-of", query: ["at": at])
            let then = try reply.decode(NominationSummary.self)
            try client.print(reply) { then.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
