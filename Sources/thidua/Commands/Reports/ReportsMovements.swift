import ArgumentParser
import Foundation
import ThiduaCore
import ThiduaOffice

struct ReportsMovements: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movements",
        abstract: "Biểu 0601.N / The year's movements by launching level, scope, duration and method (Thông tư 02/2023/TT-BNV), with units taking part, nominations and commended.",
        discussion: """
            Example:
              thidua reports movements --year 2021
              thidua reports movements --year 2021 --output bieu-0601.xlsx
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: "The year reported on.") var year: Int
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Ghi ra tệp theo mẫu biểu / Write form 0601.N: .xlsx for Excel, anything else CSV (e.g. bieu-0601.xlsx).", valueName: "file"))
    var output: String?

    func run() async throws {
        do {
            let server = try client.client()
            let reply = try await server.send("GET", "/api/v1/reports/movements", query: ["year": String(year)])
            let report = try reply.decode(MovementsReport.self)
            if let output {
                try ReportFile.write(ReportForms.movements(report, reporter: try await ReportFile.reporter(server)), to: output)
                return
            }
            try client.print(reply) {
                Console.line("Biểu 0601.N năm \(year) — phong trào / movements, phát động trong năm / launched, đơn vị tham gia / units, hồ sơ / nominations, được khen thưởng / commended")
                Console.line("\(report.total.label): \(report.total.counts)")
                for (title, lines) in [("Theo cấp phát động / by launching level", report.byInitiatingLevel), ("Theo phạm vi / by scope", report.byScope),
                                       ("Theo thời gian / by duration", report.byDuration), ("Theo hình thức / by method", report.byMethod)] {
                    Console.line(title)
                    for line in lines { Console.line("  \(line.label): \(line.counts)") }
                }
                Console.line("Phong trào / movements — đơn vị, hồ sơ, được khen thưởng")
                for movement in report.movements {
                    let years = movement.endsYear.map { " \(movement.startsYear)–\($0)" } ?? " từ \(movement.startsYear)"
                    let classes = [movement.initiatingLevel.vietnamese, movement.scope.vietnamese,
                                   movement.duration.vietnamese + years, movement.method.vietnamese]
                    Console.line("  \(movement.name) (\(classes.joined(separator: "; "))): \(movement.units), \(movement.nominations), \(movement.commended)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}

extension MovementsReport.Line {
    var counts: String { "\(movements), \(launched), \(units), \(nominations), \(commended)" }
}
