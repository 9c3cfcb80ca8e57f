import ArgumentParser
import Foundation

struct AuditHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Lịch sử hồ sơ / A record's audit events from a running server, oldest first (as the signed-in user sees them).",
        discussion: """
            The record type is its table: nominations, council_sessions, users, role_grants, rounds, …

            Example:
              thidua audit history nominations 3f0c…
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The record's type (table).") var type: String
    @Argument(help: "The record's id.") var id: String

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/audit/records/\(type)/\(id)")
            let events = try reply.decode([AuditEventLine].self)
            try client.print(reply) {
                for event in events { Console.line(event.line(withRecord: false)) }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
