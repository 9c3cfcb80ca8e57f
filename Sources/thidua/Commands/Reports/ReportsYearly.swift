import ArgumentParser
import Foundation

struct ReportsYearly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yearly",
        abstract: "Báo cáo năm / The yearly report to the chairman: nominations by movement, unit kind and nominee kind; awards by form and in 0603.N's recipient columns.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The year.") var year: Int

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/reports/yearly/\(year)")
            struct Line: Decodable { var label: String; var submitted: Int; var verified: Int; var approved: Int; var commended: Int }
            struct Awards: Decodable { var formName: String; var nomineeKind: String; var count: Int; var amount: Int64 }
            struct Recipients: Decodable {
                var formName: String; var collectives: Int; var enterprises: Int; var households: Int; var individuals: Int
                var leaders: Int; var businessPeople: Int; var workersAndFarmers: Int; var otherIndividuals: Int; var unclassified: Int
            }
            struct Report: Decodable {
                var byMovement: [Line]; var byUnitKind: [Line]; var byNomineeKind: [Line]; var awards: [Awards]; var awardsByRecipient: [Recipients]
            }
            let report = try reply.decode(Report.self)
            try client.print(reply) {
                for (title, lines) in [("Theo phong trào / by movement", report.byMovement), ("Theo loại đơn vị / by unit kind", report.byUnitKind),
                                       ("Theo đối tượng / by nominee kind", report.byNomineeKind)] {
                    Console.line("\(title) — gửi / submitted, thẩm định / verified, nhất trí / approved, khen thưởng / commended")
                    for line in lines { Console.line("  \(line.label): \(line.submitted), \(line.verified), \(line.approved), \(line.commended)") }
                }
                Console.line("Khen thưởng / awards")
                for award in report.awards { Console.line("  \(award.formName) (\(award.nomineeKind)): \(award.count), \(award.amount) đồng") }
                Console.line("Biểu 0603.N — tập thể (doanh nghiệp), hộ gia đình, cá nhân (lãnh đạo, quản lý; doanh nhân; công nhân, nông dân; khác), chưa phân loại")
                for line in report.awardsByRecipient {
                    Console.line("  \(line.formName): \(line.collectives) (\(line.enterprises)), \(line.households), \(line.individuals) (\(line.leaders); "
                                 + "\(line.businessPeople); \(line.workersAndFarmers); \(line.otherIndividuals)), \(line.unclassified)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
