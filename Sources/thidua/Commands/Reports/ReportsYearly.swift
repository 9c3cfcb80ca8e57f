import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaOffice

struct ReportsYearly: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yearly",
        abstract: "Báo cáo năm / The yearly report to the chairman: nominations by movement, unit kind and nominee kind; awards by form and in 0603.N's recipient columns.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The year.") var year: Int
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Ghi ra tệp theo mẫu biểu / Write the report as its form: .xlsx for Excel, anything else CSV (e.g. bao-cao-2021.xlsx).",
        valueName: "file"))
    var output: String?
    @Flag(help: "With --output, write Thông tư 02/2023/TT-BNV's form 0603.N instead of the report to the chairman.") var form0603 = false

    func run() async throws {
        do {
            let server = try client.client()
            let reply = try await server.send("GET", "/api/v1/reports/yearly/\(year)")
            if let output {
                let report = try reply.decode(YearlyReport.self), reporter = try await ReportFile.reporter(server)
                try ReportFile.write(form0603 ? ReportForms.recipients(report, reporter: reporter) : ReportForms.yearly(report, reporter: reporter), to: output)
                return
            }
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
