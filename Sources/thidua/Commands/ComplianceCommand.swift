import ArgumentParser
import Foundation

struct ComplianceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "Bảng tiến độ / A round's compliance table from a running server: per unit and per movement, required against submitted, endorsed, verified, approved, commended, late.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The round (code, as `thidua rounds list` prints it, or id).") var round: String

    func run() async throws {
        do {
            let server = try client.client()
            let round = try await Lookup(client: server).id(.round, round)
            let reply = try await server.send("GET", "/api/v1/rounds/\(round.uuidString)/compliance")
            struct Counts: Decodable {
                var submitted: Int; var endorsed: Int; var verified: Int; var approved: Int; var commended: Int; var late: Int
                var line: String { "\(submitted), \(endorsed), \(verified), \(approved), \(commended) (\(late) muộn / late)" }
            }
            struct UnitRow: Decodable { var unitName: String; var minimum: Int; var maximum: Int; var counts: Counts; var shortfall: Int }
            struct MovementRow: Decodable {
                var movementName: String; var leadUnitName: String?; var required: Int; var maximum: Int?
                var counts: Counts; var shortfall: Int; var excess: Int
                /// "Công an huyện: 1–3", one line per force where each lead unit owes its own figure.
                var label: String { (leadUnitName.map { " — \($0)" } ?? "") + ": \(required)" + (maximum.map { "–\($0)" } ?? "") }
            }
            struct Table: Decodable { var units: [UnitRow]; var movements: [MovementRow] }
            let table = try reply.decode(Table.self)
            try client.print(reply) {
                Console.line("Đơn vị / unit — tối thiểu–tối đa / min–max — gửi / submitted, xác nhận / endorsed, thẩm định / verified, Hội đồng nhất trí / approved, khen thưởng / commended — thiếu / shortfall")
                for row in table.units {
                    Console.line("  \(row.unitName): \(row.minimum)–\(row.maximum) — \(row.counts.line) — \(row.shortfall)")
                }
                Console.line("Phong trào / movement — yêu cầu / required — gửi, xác nhận, thẩm định, nhất trí, khen thưởng — thiếu / shortfall (vượt / excess)")
                for row in table.movements {
                    let excess = row.excess > 0 ? " (vượt / excess \(row.excess))" : ""
                    Console.line("  \(row.movementName)\(row.label) — \(row.counts.line) — \(row.shortfall)\(excess)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
