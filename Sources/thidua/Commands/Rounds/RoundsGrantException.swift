import ArgumentParser
import Foundation

struct RoundsGrantException: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant-exception",
        abstract: "Gia hạn nộp / Let a unit submit to a round after its due date (secretariat; audited with the reason).",
        discussion: """
            The time is Vietnam time (UTC+7) unless it says otherwise: `2024-12-20 17:00`, `2024-12-20T17:00`, \
            or ISO 8601 with an offset. It must be later than now.

            Example:
              thidua rounds grant-exception thu-2024 xa-sin-chai \\
                  --until "2024-12-20 17:00" --reason "Mất điện ngày nộp"
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The round (code, as `thidua rounds list` prints it, or id).") var round: String
    @Argument(help: "The late unit (code, as GET /api/v1/units gives it, or id).") var unit: String
    @Option(help: ArgumentHelp("Until when: yyyy-MM-dd HH:mm, Vietnam time.", valueName: "time")) var until: VietnamTime
    @Option(help: "Why the exception is granted (kept in the audit trail).") var reason: String

    func run() async throws {
        do {
            let server = try client.client()
            let lookup = Lookup(client: server)
            let roundID = try await lookup.id(.round, round)
            let unitID = try await lookup.id(.unit, unit)
            let body = try ServerClient.json(["unit": unitID.uuidString, "until": until.date.formatted(.iso8601), "reason": reason])
            let reply = try await server.send("POST", "/api/v1/rounds/\(roundID.uuidString)/deadline-exceptions", json: body)
            try client.print(reply) {
                Console.line("Đã gia hạn / granted: \(unit) nộp đợt / may submit to \(round) đến / until \(VietnamTime.text(until.date)) (giờ Việt Nam / Vietnam time)")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
