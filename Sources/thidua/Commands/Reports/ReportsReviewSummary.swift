import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaOffice

struct ReportsReviewSummary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review-summary",
        abstract: "Sơ kết, tổng kết / The mid-term (2023) or final (2025) review summary: nominations by movement and year, awards, exemplars followed and selected, units' plans, shortfalls.",
        discussion: """
            Example:
              thidua reports review-summary --kind mid-term
              thidua reports review-summary --kind final --json > tong-ket.json
              thidua reports review-summary --kind mid-term --output so-ket.xlsx
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: "mid-term (sơ kết) or final (tổng kết).") var kind: ReviewSummary.Kind
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Ghi ra tệp / Write the summary as its form: .xlsx for Excel, anything else CSV (e.g. so-ket.xlsx).", valueName: "file"))
    var output: String?

    func run() async throws {
        do {
            let server = try client.client()
            let reply = try await server.send("GET", "/api/v1/reports/review-summary", query: ["kind": kind.rawValue])
            let summary = try reply.decode(ReviewSummary.self)
            if let output {
                try ReportFile.write(ReportForms.review(summary, reporter: try await ReportFile.reporter(server)), to: output)
                return
            }
            try client.print(reply) { summary.printTable() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}

extension ReviewSummary.Kind: ExpressibleByArgument {}

/// The table `reports review-summary` prints.
extension ReviewSummary {
    func printTable() {
        Console.line("\(review.name) — năm \(fromYear)–\(toYear)")
        Console.line("Hồ sơ theo phong trào và năm / nominations — gửi / submitted, thẩm định / verified, nhất trí / approved, khen thưởng / commended")
        for line in byMovementAndYear {
            Console.line("  \(line.year) \(line.movementName): \(line.submitted), \(line.verified), \(line.approved), \(line.commended)")
        }
        Console.line("Khen thưởng / awards")
        for award in awards { Console.line("  \(award.year) \(award.movementName) — \(award.formName): \(award.count), \(award.amount) đồng") }
        Console.line("Theo dõi điển hình / exemplars: \(followUp.exemplars) mô hình, \(followUp.evaluations) lần đánh giá, \(followUp.replications) lần nhân rộng")
        for propagation in followUp.propagations { Console.line("  \(propagation.label): \(propagation.count)") }
        for unit in followUp.adoptingUnits { Console.line("  Nhân rộng tại / adopted by \(unit.unitName): \(unit.replications)") }
        Console.line("Lựa chọn điển hình / exemplars selected")
        for selection in selections {
            Console.line("  \(selection.review.name) (\(selection.review.year)): \(selection.selected)\(selection.nominees.isEmpty ? "" : " — " + selection.nominees.joined(separator: ", "))")
        }
        Console.line("Kế hoạch của đơn vị / units' own plans: \(unitPlans.received)/\(unitPlans.takingPart) đơn vị đã gửi")
        Console.line("Chưa đạt số tối thiểu / shortfalls — yêu cầu / required, đã gửi / submitted, thiếu / short")
        for line in shortfalls {
            let lead = line.leadUnitName.map { " — \($0)" } ?? ""
            Console.line("  \(line.roundCode) \(line.movementName)\(lead) (\(line.nomineeKind?.rawValue ?? "any")): \(line.required), \(line.submitted), \(line.shortfall)")
        }
    }
}
