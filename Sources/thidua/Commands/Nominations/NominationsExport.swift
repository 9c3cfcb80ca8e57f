import ArgumentParser
import Foundation

struct NominationsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất danh sách / Export the nominations you may see as CSV for Excel (UTF-8 with BOM).",
        discussion: """
            Every page of the list is fetched, in Vietnamese order of the nominee's name.

            Example:
              thidua nominations export --state verified --output da-tham-dinh.csv
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: "Only this round (id).") var round: String?
    @Option(help: "Only this movement (id).") var movement: String?
    @Option(help: "Only these states, comma-separated.") var state: String?
    @Option(help: "Write here instead of standard output.") var output: String?

    func run() async throws {
        do {
            let server = try client.client()
            struct Row: Decodable {
                var id: UUID; var roundID: UUID; var movementID: UUID; var unitID: UUID; var nomineeKind: String
                var nomineeName: String; var title: String; var achievements: String; var state: String; var version: Int
                var returnCount: Int; var submittedAt: Date?
            }
            struct Page: Decodable { var items: [Row] }
            var csv = CSVWriter()
            csv.row(["id", "round", "movement", "unit", "kind", "name", "title", "achievements", "state", "version", "returns", "submitted_at"])
            var offset = 0
            while true {
                let page = try await server.send("GET", "/api/v1/nominations", query: [
                    "round": round, "movement": movement, "state": state, "limit": "500", "offset": String(offset),
                ]).decode(Page.self)
                for row in page.items {
                    csv.row([
                        row.id.uuidString.lowercased(), row.roundID.uuidString.lowercased(), row.movementID.uuidString.lowercased(),
                        row.unitID.uuidString.lowercased(), row.nomineeKind, row.nomineeName, row.title, row.achievements, row.state,
                        String(row.version), String(row.returnCount), row.submittedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "",
                    ])
                }
                guard page.items.count == 500 else { break }
                offset += 500
            }
            if let output {
                try csv.text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                FileHandle.standardOutput.write(Data(csv.text.utf8))
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
