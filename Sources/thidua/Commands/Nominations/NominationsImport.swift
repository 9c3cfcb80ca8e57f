import ArgumentParser
import Foundation
import ThiduaOffice

struct NominationsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập danh sách / Create drafts for your unit from a CSV file, one per row.",
        discussion: """
            Columns (header line, any order): round, movement, kind (individual, collective, household, locality), \
            name, and optionally title, achievements. Each row is its own draft: a row the server refuses is \
            reported with the line of the file it starts on (as an editor numbers them) and the reason, and the others \
            still go in. Exit code 65 when any row failed.

            Example:
              thidua nominations import dang-ky-2021.csv
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The CSV file (UTF-8, with or without BOM).") var file: String

    func run() async throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("Không đọc được tệp UTF-8 / cannot read \(file) as UTF-8 text")
        }
        let records: [CSVFile.Record]
        do {
            records = try CSVFile.records(text)
        } catch {
            throw ValidationError("Không đọc được tệp CSV / cannot read \(file) as CSV: \(error)")
        }
        let server: ServerClient
        do {
            server = try client.client()
        } catch {
            throw CommandFailure.exit(for: error)
        }
        let lookup = Lookup(client: server)
        let progress = ProgressBar(label: "nhập / import")
        var failures = 0
        for (index, record) in records.enumerated() {
            do {
                var nominee: [String: Any] = ["name": record["name"] ?? ""]
                if let kind = record["kind"] { nominee["kind"] = kind }
                let body: [String: Any] = [
                    "roundID": try await lookup.id(.round, record["round"] ?? "").uuidString,
                    "movementID": try await lookup.id(.movement, record["movement"] ?? "").uuidString, "nominee": nominee,
                    "title": record["title"] ?? "", "achievements": record["achievements"] ?? "",
                ]
                let reply = try await server.send("POST", "/api/v1/nominations", json: try ServerClient.json(body))
                if client.json { Console.line(String(decoding: reply.body, as: UTF8.self)) } else { progress.show(index + 1, of: records.count) }
            } catch let error as ServerError {
                failures += 1
                FileHandle.standardError.write(Data("dòng / line \(record.line): \(error)\n".utf8))
            } catch let error as NameLookupError {
                failures += 1
                FileHandle.standardError.write(Data("dòng / line \(record.line): \(error)\n".utf8))
            } catch {
                throw CommandFailure.exit(for: error)
            }
        }
        progress.finish()
        Console.line("\(records.count - failures) / \(records.count) dòng đã nhập / rows imported")
        if failures > 0 { throw ExitCode(65) }
    }
}
