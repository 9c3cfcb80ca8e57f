import Foundation
import Testing
import ThiduaCore
import ThiduaTesting
import ThiduaOffice
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import thidua

/// `thidua nominations export` as an official opens it: Vietnamese headers and labels, codes and names where the
/// API has ids, numbers Excel can sum, times in Vietnam time, and the same list in the workbook and the CSV file.
@Suite("ExportCommandTests")
struct ExportCommandTests {
    typealias Shell = ClientCommandTests.Shell

    /// One cell of the sheet as stored: its type attribute, its style and its value.
    struct Cell {
        var type: String?
        var style: String?
        var value: String
    }

    @Test("the workbook and the CSV: Vietnamese headers and states, codes and names instead of ids, typed numbers, times in +07, a BOM")
    func vietnameseList() async throws {
        let world = try await RecordsWorld.make()
        let nomination = try await world.verified("Sùng Thị Mai")
        let submitted = try #require(nomination.submittedAt)
        try await Shell.serving(world, signedIn: [.secretary]) { shell in
            let workbookFile = shell.folder.appendingPathComponent("danh-sach.xlsx")
            let exported = try await shell.thidua(.secretary, ["nominations", "export", "--output", workbookFile.path])
            #expect(exported.status == 0, "\(exported.error)")
            let archive = try Archive(url: workbookFile, accessMode: .read)
            func part(_ path: String) throws -> Data {
                var data = Data()
                _ = try archive.extract(try #require(archive[path])) { data.append($0) }
                return data
            }
            let rows = try Self.rows(of: try part("xl/worksheets/sheet1.xml"))
            #expect(rows.count == 2, "the header and the one verified nomination")
            let headers = try #require(rows.first).map(\.value)
            #expect(headers == [
                "STT", "Đợt xét", "Mã phong trào", "Phong trào", "Mã đơn vị", "Đơn vị", "Loại đối tượng", "Tên đối tượng",
                "Danh hiệu đề nghị", "Thành tích", "Trạng thái", "Phiên bản", "Số lần trả lại", "Thời điểm gửi", "Mã hồ sơ",
            ])
            let row = try #require(rows.last)
            func cell(_ header: String) throws -> Cell { row[try #require(headers.firstIndex(of: header))] }
            #expect(try cell("Đợt xét").value == "thu-2021")
            #expect(try cell("Mã phong trào").value == "nong-thon-moi" && cell("Phong trào").value == "Cả nước chung sức xây dựng nông thôn mới")
            #expect(try cell("Mã đơn vị").value == "xa-b" && cell("Đơn vị").value == "UBND xã Tả Phìn")
            #expect(try cell("Tên đối tượng").value == "Sùng Thị Mai")
            #expect(try cell("Trạng thái").value == "Đã thẩm định" && cell("Loại đối tượng").value == nomination.nomineeKind.vietnamese)
            // Only the nomination's own id, which has no code, is a UUID; no cell is a state or kind code.
            let uuids = row.enumerated().filter { UUID(uuidString: $0.element.value) != nil }.map { headers[$0.offset] }
            let ownID = try cell("Mã hồ sơ").value
            #expect(uuids == ["Mã hồ sơ"] && ownID == nomination.id.uuidString.lowercased())
            let codes = Set(NominationState.allCases.map(\.rawValue) + NomineeKind.allCases.map(\.rawValue))
            #expect(!row.contains { codes.contains($0.value) })
            // Numbers are number cells (no type attribute), text is text.
            for header in ["STT", "Phiên bản", "Số lần trả lại"] {
                #expect(try cell(header).type == nil, "\(header) is a number")
            }
            #expect(try cell("STT").value == "1" && cell("Phiên bản").value == String(nomination.version) && cell("Số lần trả lại").value == "0")
            #expect(try cell("Tên đối tượng").type == "inlineStr")
            // The moment sent: a date-time cell of Vietnam's wall clock, shown dd/mm/yyyy hh:mm.
            let moment = try cell("Thời điểm gửi")
            #expect(moment.type == nil && moment.style == "2")
            let serial = try #require(Double(moment.value))
            let wallClock = Date(timeIntervalSince1970: ((serial - 25569) * 86400).rounded())
            #expect(Self.shown(wallClock, in: TimeZone(identifier: "UTC")!) == Self.shown(submitted, in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!))
            let styles = try #require(String(data: try part("xl/styles.xml"), encoding: .utf8))
            #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/>"#) && styles.contains(#"<xf numFmtId="164""#))

            // The same list as CSV: a UTF-8 byte-order mark, then the same cells as text, the time as 04/12/2026 14:05 (+07).
            let csvFile = shell.folder.appendingPathComponent("danh-sach.csv")
            #expect(try await shell.thidua(.secretary, ["nominations", "export", "--output", csvFile.path]).status == 0)
            let bytes = try Data(contentsOf: csvFile)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let records = try CSVFile.records(try #require(String(data: bytes, encoding: .utf8)))
            let record = try #require(records.first)
            #expect(records.count == 1)
            for (index, header) in headers.enumerated() where header != "Thời điểm gửi" {
                #expect(record[header] == row[index].value, "\(header)")
            }
            let expected = Self.shown(submitted, in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
            #expect(record["Thời điểm gửi"] == expected && expected.wholeMatch(of: /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/) != nil)
        }
    }

    /// The sheet's rows, each cell by its column (a row leaves out no cell in the middle here).
    static func rows(of sheet: Data) throws -> [[Cell]] {
        let document = try XMLDocument(data: sheet)
        let data = try #require(document.rootElement()?.elements(forName: "sheetData").first)
        return data.elements(forName: "row").map { row in
            row.elements(forName: "c").map { cell in
                let text = cell.elements(forName: "is").first?.elements(forName: "t").first?.stringValue
                // By local name: FoundationXML's attribute(forName:) misses them under the sheet's default namespace.
                func attribute(_ name: String) -> String? { cell.attributes?.first { ($0.localName ?? $0.name) == name }?.stringValue }
                return Cell(
                    type: attribute("t"), style: attribute("s"),
                    value: text ?? cell.elements(forName: "v").first?.stringValue ?? "")
            }
        }
    }

    /// `date` as dd/MM/yyyy HH:mm on the clock of `zone`, written independently of the command's own formatting.
    static func shown(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        return formatter.string(from: date)
    }

    /// GET `path` on the served world with `person`'s saved session as the browser's cookie.
    static func page(_ shell: Shell, _ person: RecordsWorld.Person, _ path: String) async throws -> Data {
        struct Saved: Decodable { var token: String }
        let saved = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: shell.folder.appendingPathComponent("\(person.rawValue).json")))
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(shell.port)\(path)")))
        request.setValue("thidua_session=\(saved.token)", forHTTPHeaderField: "Cookie")
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(path)")
        return data
    }

    @Test("the list page's Tải Excel and Tải CSV are byte for byte the file `nominations export` writes; `reports movements --output` writes form 0601.N")
    func pageAndCommandGiveOneFile() async throws {
        let world = try await RecordsWorld.make()
        _ = try await world.verified("Sùng Thị Mai")
        _ = try await world.verified("Giàng A Páo", ofCommuneA: true)
        try await Shell.serving(world, signedIn: [.secretary]) { shell in
            for format in ["xlsx", "csv"] {
                let file = shell.folder.appendingPathComponent("danh-sach.\(format)")
                #expect(try await shell.thidua(.secretary, ["nominations", "export", "--state", "verified", "--output", file.path]).status == 0)
                let fromPage = try await Self.page(shell, .secretary, "/ho-so?trang-thai=verified&tai=\(format)")
                #expect(fromPage == (try Data(contentsOf: file)), "one builder, one writer: the same \(format) file")
            }
            let form = shell.folder.appendingPathComponent("bieu-0601.xlsx")
            let written = try await shell.thidua(.secretary, ["reports", "movements", "--year", "2021", "--output", form.path])
            #expect(written.status == 0, "\(written.error)")
            let archive = try Archive(url: form, accessMode: .read)
            var sheet = Data()
            _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
            let rows = try Self.rows(of: sheet)
            #expect(rows[0].first?.value == "Biểu số 0601.N" && rows[1].first?.value == "SỐ PHONG TRÀO THI ĐUA")
            #expect(rows.contains { $0.first?.value == "Tổng số" && $0.count > 1 && $0[1].value == "2" && $0[1].type == nil })
        }
    }
}
