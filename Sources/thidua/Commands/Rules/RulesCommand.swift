import ArgumentParser
import Foundation

struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Quy định / The law as data: who may confer what and when, forms, types, coefficients, base salaries.",
        discussion: """
            Every row carries the dates it applies (from, and the first day it no longer does), its legal basis and
            how far it is verified (verified, partly, unverified: LAW.md's [V]/[P]/[U]). A record is judged by the
            rules of its own date; an administrator adds rows, nothing is a constant in code.

            Example:
              thidua rules                         the authority table, then the rest
              thidua rules --json > quy-dinh.json  the whole rule book, for another system
            """)

    @OptionGroup var client: ClientOptions

    struct Book: Decodable {
        struct Form: Decodable { var code: String; var name: String; var noticeWorkingDays: Int? }
        struct TypeRule: Decodable { var code: String; var name: String; var countsTowardHigher: Bool }
        struct Authority: Decodable { var level: String; var formCode: String; var validFrom: String; var validTo: String?; var verification: String }
        struct Coefficient: Decodable { var formCode: String; var nomineeKind: String; var coefficient: Decimal; var validFrom: String; var validTo: String? }
        struct Salary: Decodable { var amount: Int64; var validFrom: String; var validTo: String?; var legalBasis: String }
        var forms: [Form]
        var commendationTypes: [TypeRule]
        var authorities: [Authority]
        var rewardCoefficients: [Coefficient]
        var baseSalaries: [Salary]
    }

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/legal-rules")
            let book = try reply.decode(Book.self)
            func period(_ from: String, _ to: String?) -> String { "\(from.day) → \(to?.day ?? "…")" }
            try client.print(reply) {
                Console.line("Thẩm quyền khen thưởng / Who may confer what:")
                for row in book.authorities {
                    Console.line("  \(row.level)  \(row.formCode)  \(period(row.validFrom, row.validTo))  (\(row.verification))")
                }
                Console.line("Hình thức, danh hiệu / Forms and titles:")
                for form in book.forms {
                    Console.line("  \(form.code)  \(form.name)" + (form.noticeWorkingDays.map { "  — công khai / notice \($0) ngày làm việc" } ?? ""))
                }
                Console.line("Loại hình khen thưởng / Types:")
                for type in book.commendationTypes {
                    Console.line("  \(type.code)  \(type.name)  \(type.countsTowardHigher ? "tính / counts" : "không tính / does not count") cho khen cao hơn")
                }
                Console.line("Hệ số tiền thưởng / Reward coefficients:")
                for row in book.rewardCoefficients {
                    Console.line("  \(row.formCode)  \(row.nomineeKind)  × \(row.coefficient)  \(period(row.validFrom, row.validTo))")
                }
                Console.line("Mức lương cơ sở / Base salaries:")
                for row in book.baseSalaries {
                    Console.line("  \(row.amount) đồng  \(period(row.validFrom, row.validTo))  \(row.legalBasis)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
