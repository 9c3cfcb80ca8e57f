import ArgumentParser
import Foundation

struct ReportsYearly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yearly",
        abstract: "Báo cáo năm / The yearly report to the chairman: nominations by movement, unit kind and nominee kind; awards by form.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The year.") var year: Int

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/reports/yearly/\(year)")
            struct Line: Decodable { var label: String; var submitted: Int; var verified: Int; var approved: Int; var commended: Int }
            struct Awards: Decodable { var formName: String; var nomineeKind: String; var count: Int; var amount: Int64 }
            struct Report: Decodable { var byMovement: [Line]; var byUnitKind: [Line]; var byNomineeKind: [Line]; var awards: [Awards] }
            let report = try reply.decode(Report.self)
            try client.print(reply) {
                for (title, lines) in [("Theo phong trào / by movement", report.byMovement), ("Theo loại đơn vị / by unit kind", report.byUnitKind),
                                       ("Theo đối tượng / by nominee kind", report.byNomineeKind)] {
                    Console.line("\(title) — gửi / submitted, thẩm định / verified, nhất trí / approved, khen thưởng / commended")
                    for line in lines { Console.line("  \(line.label): \(line.submitted), \(line.verified), \(line.approved), \(line.commended)") }
                }
                Console.line("Khen thưởng / awards")
                for award in report.awards { Console.line("  \(award.formName) (\(award.nomineeKind)): \(award.count), \(award.amount) đồng") }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
