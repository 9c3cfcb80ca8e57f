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
            struct Event: Decodable {
                var seq: Int; var occurredAt: Date; var action: String; var actorID: UUID; var actorRole: String
                var reason: String?; var requestID: String?
            }
            let events = try reply.decode([Event].self)
            try client.print(reply) {
                for event in events {
                    Console.line("\(event.seq). \(ISO8601DateFormatter().string(from: event.occurredAt))  \(event.action)  "
                        + "\(event.actorRole) \(event.actorID.uuidString.lowercased())"
                        + (event.reason.map { "  — \($0)" } ?? "") + (event.requestID.map { "  [\($0)]" } ?? ""))
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
