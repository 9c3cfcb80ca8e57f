import ArgumentParser
import Foundation

struct EligibilityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligibility",
        abstract: "Đủ điều kiện / Who is due a higher title by consecutive years of lower ones, judged on 31 December of a year.",
        discussion: """
            A flag, not a decision: e.g. three consecutive "Chiến sĩ thi đua cơ sở" make a nominee a candidate for
            "Chiến sĩ thi đua cấp tỉnh". Revoked awards never count, nor do awards by movement or ad hoc. With
            --decision, lists instead the nominees of a draft decision already commended in the same year.

            Example:
              thidua eligibility --year 2024
              thidua eligibility --decision 7a41…
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: "The year whose 31 December the flags are judged on.") var year: Int?
    @Option(help: "A draft decision (id): its nominees' other commendations of the same year.") var decision: String?

    func validate() throws {
        guard (year == nil) != (decision == nil) else { throw ValidationError("--year hoặc / or --decision") }
    }

    func run() async throws {
        do {
            let server = try client.client()
            if let decision {
                struct Warning: Decodable { var nomineeName: String; var year: Int; var reference: String; var form: String }
                let reply = try await server.send("GET", "/api/v1/eligibility/same-year", query: ["decision": decision])
                let warnings = try reply.decode([Warning].self)
                try client.print(reply) {
                    for warning in warnings {
                        Console.line("\(warning.nomineeName): \(warning.year) đã có / already holds \(warning.form) (\(warning.reference))")
                    }
                    Console.line("\(warnings.count) cảnh báo / warnings")
                }
                return
            }
            struct Flag: Decodable { var nomineeName: String; var targetForm: String; var qualifyingYears: [Int] }
            let reply = try await server.send("GET", "/api/v1/eligibility", query: ["year": year.map(String.init)])
            let flags = try reply.decode([Flag].self)
            try client.print(reply) {
                for flag in flags {
                    Console.line("\(flag.nomineeName) → \(flag.targetForm)  (\(flag.qualifyingYears.map(String.init).joined(separator: ", ")))")
                }
                Console.line("\(flags.count) người, tập thể đủ điều kiện / eligible")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
