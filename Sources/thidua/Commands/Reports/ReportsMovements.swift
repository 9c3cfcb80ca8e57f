import ArgumentParser
import Foundation

struct ReportsMovements: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movements",
        abstract: "Biểu 0601.N / The year's movements by launching level, scope, duration and method (Thông tư 02/2023/TT-BNV), with units taking part, nominations and commended.",
        discussion: """
            Example:
              thidua reports movements --year 2021
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: "The year reported on.") var year: Int

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/reports/movements", query: ["year": String(year)])
            struct Line: Decodable {
                var key: String; var label: String; var movements: Int; var launched: Int; var units: Int; var nominations: Int; var commended: Int
                var counts: String { "\(movements), \(launched), \(units), \(nominations), \(commended)" }
            }
            struct Movement: Decodable {
                var name: String; var initiatingLevel: String; var scope: String; var duration: String; var method: String
                var startsYear: Int; var endsYear: Int?; var units: Int; var nominations: Int; var commended: Int
            }
            struct Report: Decodable {
                var total: Line; var byInitiatingLevel: [Line]; var byScope: [Line]; var byDuration: [Line]; var byMethod: [Line]; var movements: [Movement]
            }
            let report = try reply.decode(Report.self)
            try client.print(reply) {
                Console.line("Biểu 0601.N năm \(year) — phong trào / movements, phát động trong năm / launched, đơn vị tham gia / units, hồ sơ / nominations, được khen thưởng / commended")
                Console.line("\(report.total.label): \(report.total.counts)")
                for (title, lines) in [("Theo cấp phát động / by launching level", report.byInitiatingLevel), ("Theo phạm vi / by scope", report.byScope),
                                       ("Theo thời gian / by duration", report.byDuration), ("Theo hình thức / by method", report.byMethod)] {
                    Console.line(title)
                    for line in lines { Console.line("  \(line.label): \(line.counts)") }
                }
                let labels = Dictionary((report.byInitiatingLevel + report.byScope + report.byDuration).map { ($0.key, $0.label) }) { first, _ in first }
                let methods = Dictionary(uniqueKeysWithValues: report.byMethod.map { ($0.key, $0.label) })
                Console.line("Phong trào / movements — đơn vị, hồ sơ, được khen thưởng")
                for movement in report.movements {
                    let years = movement.endsYear.map { " \(movement.startsYear)–\($0)" } ?? " từ \(movement.startsYear)"
                    let classes = [labels[movement.initiatingLevel], labels[movement.scope], labels[movement.duration].map { $0 + years }, methods[movement.method]]
                    Console.line("  \(movement.name) (\(classes.compactMap { $0 }.joined(separator: "; "))): \(movement.units), \(movement.nominations), \(movement.commended)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
