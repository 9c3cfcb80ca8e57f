import ArgumentParser
import Foundation

struct NominationsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập danh sách / Create drafts for your unit from a filled-in template (CSV or XLSX), all rows or none.",
        discussion: """
            The template is the page's (/ho-so/nhap): columns by their Vietnamese headings or the keys round, \
            movement, kind, name, title, achievements, in any order; rounds and movements by their codes, the kind \
            as "Cá nhân", "Tập thể", "Hộ gia đình"… Every row is checked: when any is wrong, each wrong row is \
            listed with its line and column and nothing is imported (exit code 65).

            Example:
              thidua nominations import dang-ky-2021.xlsx
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The file: .xlsx, or CSV (UTF-8, with or without BOM).") var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ValidationError("Không đọc được tệp / cannot read \(file)")
        }
        let mediaType = file.lowercased().hasSuffix(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv"
        do {
            let reply = try await client.client().send("POST", "/api/v1/nominations/import", content: (data, mediaType))
            if client.json {
                Console.line(String(decoding: reply.body, as: UTF8.self))
            } else {
                let imported = (try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["imported"] as? Int ?? 0
                Console.line("Đã nhập \(imported) hồ sơ (dự thảo) / imported \(imported) drafts")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
