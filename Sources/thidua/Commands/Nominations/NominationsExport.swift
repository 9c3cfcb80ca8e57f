import ArgumentParser
import Foundation
import ThiduaOffice

struct NominationsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Xuất danh sách / Export the nominations you may see, as an Excel workbook or CSV.",
        discussion: """
            Every page of the list is fetched, in Vietnamese order of the nominee's name. The format follows the \
            output's extension (.xlsx: an Excel workbook, one sheet, the header row frozen; anything else: CSV in \
            UTF-8 with a byte-order mark, which Excel opens with the diacritics intact), or --format.

            Examples:
              thidua nominations export --state verified --output da-tham-dinh.xlsx
              thidua nominations export --round thu-2021 > danh-sach.csv
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: "Only this round (code or id).") var round: String?
    @Option(help: "Only this movement (code or id).") var movement: String?
    @Option(help: "Only these states, comma-separated.") var state: String?
    @Option(help: "Write here instead of standard output.") var output: String?
    @Option(help: "csv or xlsx (default: xlsx for an output ending in .xlsx, else csv).") var format: SheetFormat?

    func run() async throws {
        do {
            let server = try client.client()
            let lookup = Lookup(client: server)
            let round = try await lookup.idIfGiven(.round, round)?.uuidString
            let movement = try await lookup.idIfGiven(.movement, movement)?.uuidString
            // The catalogue once, so each row shows codes and names instead of ids.
            var sheet = NominationSheet(
                rounds: try await server.send("GET", "/api/v1/rounds").decode([NominationSheet.Entry].self),
                movements: try await server.send("GET", "/api/v1/movements").decode([NominationSheet.Entry].self),
                units: try await server.send("GET", "/api/v1/units").decode([NominationSheet.Entry].self))
            struct Page: Decodable { var items: [NominationSheet.Row] }
            var offset = 0
            while true {
                let page = try await server.send("GET", "/api/v1/nominations", query: [
                    "round": round, "movement": movement, "state": state, "limit": "500", "offset": String(offset),
                ]).decode(Page.self)
                page.items.forEach { sheet.append($0) }
                guard page.items.count == 500 else { break }
                offset += 500
            }
            let bytes = try sheet.file(format ?? (output?.lowercased().hasSuffix(".xlsx") == true ? .xlsx : .csv))
            try PrintOptions.write(bytes, to: output)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}

extension SheetFormat: ExpressibleByArgument {}
