import ArgumentParser
import Foundation

struct AuditByUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "by-user",
        abstract: "Việc một người đã làm / Everything one user did in a period, from a running server (auditors, the secretariat).",
        discussion: """
            Example:
              thidua audit by-user sinchai.canbo --from 2021-10-01 --to 2021-11-13
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (username, such as sinchai.canbo, or id).") var user: String
    @Option(help: "From this day (yyyy-MM-dd, UTC); default 30 days before --to.") var from: Day?
    @Option(help: "Up to, not including, this day (yyyy-MM-dd, UTC); default now.") var to: Day?

    func run() async throws {
        do {
            let server = try client.client()
            let user = try await Lookup(client: server).id(.user, user)
            let reply = try await server.send("GET", "/api/v1/audit/users/\(user.uuidString)", query: [
                "from": from?.text, "to": to?.text,
            ])
            let events = try reply.decode([AuditEventLine].self)
            try client.print(reply) {
                for event in events { Console.line(event.line(withRecord: true)) }
                Console.line("\(events.count) sự kiện / events")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
