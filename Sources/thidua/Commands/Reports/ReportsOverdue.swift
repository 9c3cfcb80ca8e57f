import ArgumentParser
import Foundation

struct ReportsOverdue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue", abstract: "Quá hạn / Nominations waiting longer than their step's time limit, longest first.")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/reports/overdue")
            struct Item: Decodable { var nomineeName: String; var unitName: String; var step: String; var workingDaysWaited: Int; var limit: Int }
            let items = try reply.decode([Item].self)
            try client.print(reply) {
                for item in items {
                    Console.line("\(item.workingDaysWaited)/\(item.limit) ngày làm việc / working days  \(item.nomineeName) (\(item.unitName)) — \(item.step)")
                }
                Console.line("\(items.count) hồ sơ quá hạn / overdue")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
