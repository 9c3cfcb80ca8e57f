import ArgumentParser
import Foundation

struct AuditByUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "by-user",
        abstract: "Việc một người đã làm / Everything one user did in a period, from a running server (auditors, the secretariat).",
        discussion: """
            Example:
              thidua audit by-user 7c2e… --from 2021-10-01 --to 2021-11-13
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The user (id).") var user: String
    @Option(help: "From this day (yyyy-MM-dd, UTC); default 30 days before --to.") var from: String?
    @Option(help: "Up to, not including, this day (yyyy-MM-dd, UTC); default now.") var to: String?

    func validate() throws {
        for day in [from, to].compactMap({ $0 }) where day.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
            throw ValidationError("\(day): ngày dạng yyyy-MM-dd / a day as yyyy-MM-dd")
        }
    }

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/audit/users/\(user)", query: [
                "from": from.map { "\($0)T00:00:00Z" }, "to": to.map { "\($0)T00:00:00Z" },
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
