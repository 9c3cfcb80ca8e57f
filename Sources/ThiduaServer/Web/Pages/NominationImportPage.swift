import Foundation
import Hummingbird
import ThiduaCore
import ThiduaOffice

/// `/ho-so/nhap`: a unit imports its nominations from the template the page offers (Excel or CSV). Every row is
/// checked and every problem listed with its row and column; nothing is imported while any row is wrong, and each
/// imported nomination is a draft audited like one typed in. The round and movement codes to write are listed.
struct NominationImportPage: Sendable {
    let store: RecordStore

    private struct Code: Sendable { var code: String; var name: String; var kinds: String = "" }
    private struct Problem: Sendable { var line: Int; var column: String; var message: String }
    private struct View: Sendable {
        var csrf: String
        var columns: [String]
        var kinds: String
        var rounds: [Code]
        var movements: [Code]
        var problems: [Problem]
        var hasProblems: Bool
        var fileName: String
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/ho-so/nhap") { _, context in try await page(context) }
        pages.get("/ho-so/nhap/mau") { request, context in
            guard let format = request.uri.queryParameters["tai"].flatMap({ SheetFormat(rawValue: String($0)) }) else {
                throw APIError.badParameter("tai")
            }
            _ = try await page(context)  // Only for those who may import: the same refusal as the page's.
            return OfficeFile(content: try NominationTemplate.file(format), mediaType: format.mediaType,
                                  fileName: "Mau danh sach de nghi.\(format.rawValue)")
        }
        pages.post("/ho-so/nhap") { _, context in
            guard let file = context.form.file("file"), !file.content.isEmpty else {
                return try await page(context, problems: [Problem(line: 0, column: "", message: "Hãy chọn tệp đã điền theo mẫu.")]).response()
            }
            let rows: [NominationImport.Row]
            do {
                rows = try NominationTemplate.rows(from: file.content)
            } catch let error as NominationTemplate.Unreadable {
                return try await page(context, problems: [Problem(line: 0, column: "", message: error.vietnamese)], fileName: file.fileName,
                                      status: .unprocessableContent).response()
            }
            do {
                let made = try await NominationRepository(store: store).importDrafts(rows, by: context.actor)
                return HTMLPage.redirect(to: "/ho-so?trang-thai=draft&ok=nhap&so=\(made.count)")
            } catch ThiduaError.importRefused(let problems) {
                return try await page(context, problems: problems.map { Problem(line: $0.line, column: $0.column, message: $0.vietnamese) },
                                      fileName: file.fileName, status: .unprocessableContent).response()
            } catch let error as ThiduaError {
                return try await page(context, problems: [Problem(line: 0, column: "", message: error.vietnamese)], fileName: file.fileName,
                                      status: .unprocessableContent).response()
            }
        }
    }

    private func page(
        _ context: SignedInContext, problems: [Problem] = [], fileName: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> HTMLPage {
        let names = try await CatalogueNames.load(store, as: context.actor)
        let movements = names.movementList.filter { Policy.mayCreate(context.actor, in: $0.id) }
        guard !movements.isEmpty else { throw ThiduaError.denied(.roleRequired([.unitClerk])) }
        let view = View(
            csrf: context.csrfToken, columns: NominationImport.columns.map(\.heading),
            kinds: NomineeKind.allCases.map { "“\($0.vietnamese)”" }.joined(separator: ", "),
            rounds: names.roundList.filter { $0.state == "open" }.map { Code(code: $0.code, name: $0.name) },
            movements: movements.map { Code(code: $0.code, name: $0.name, kinds: $0.nomineeKinds.map(\.vietnamese).joined(separator: ", ")) },
            problems: problems, hasProblems: !problems.isEmpty, fileName: fileName)
        let shell = try await PageShell.load(context, users: UserRepository(store: store), path: "/ho-so")
        return HTMLPage("Nhập hồ sơ từ tệp", template: "nomination-import", view: view, shell: shell, status: status,
                        error: problems.isEmpty ? nil : "Chưa nhập dòng nào: hãy sửa các lỗi dưới đây rồi gửi lại tệp.")
    }
}
