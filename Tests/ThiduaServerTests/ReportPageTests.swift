import Foundation
import HTTPTypes
import NIOCore
import Postgres
import Testing
import ThiduaCore
import ThiduaOffice
import ThiduaTesting

/// The report pages (`/bao-cao`) and the list downloads over real HTTP and a real database: the pictures, the
/// XLSX opened and read cell by cell (title, Vietnamese headings, numbers typed as numbers, totals that are the
/// sum of their rows), the CSV's byte-order mark, and the policy's refusal for a commune clerk.
@Suite("ReportPageTests")
struct ReportPageTests {
    static func pages(_ api: APIClient, _ person: RecordsWorld.Person) async throws -> PageClient {
        PageClient(api: api, session: try await api.signIn(person))
    }

    /// The rows of the table whose headings start at `heading`, down to its total line, and that line.
    static func body(_ sheet: Workbook, heading: String) throws -> (rows: [Int], total: Int) {
        let top = try #require(sheet.row(startingWith: heading), "no table headed \(heading)")
        var row = top + 1
        var rows: [Int] = []
        while sheet["A\(row)"]?.text != "Tổng cộng" {
            try #require(sheet["A\(row)"] != nil, "no total line under \(heading)")
            rows.append(row)
            row += 1
        }
        return (rows, row)
    }

    /// Column `column`'s total line is a SUM formula over the rows, and its value is their sum.
    static func expectTotal(_ sheet: Workbook, heading: String, column: String) throws {
        let (rows, total) = try body(sheet, heading: heading)
        for row in rows { #expect(sheet["\(column)\(row)"]?.isNumber == true, "\(column)\(row) typed as a number") }
        let sum = rows.compactMap { Int64(sheet["\(column)\($0)"]?.text ?? "") }.reduce(0, +)
        let cell = try #require(sheet["\(column)\(total)"])
        if let first = rows.first, let last = rows.last {
            #expect(cell.formula == "SUM(\(column)\(first):\(column)\(last))")
        }
        #expect(Int64(cell.text) == sum, "total \(cell.text) is the sum \(sum) of \(heading)/\(column)")
    }

    @Test("the compliance report shows bars per unit and movement and downloads as the form: title merged, Vietnamese headings, numbers, SUM totals; CSV with a BOM")
    func complianceReport() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            _ = try await world.verified("Lò Thị Mai")
            let clerk = try await world.actor(.clerkA)
            let submitted = try await world.nominations.create(world.draft(name: "Vàng A Páo"), by: clerk)
            try await world.completeDossier(of: submitted.id, by: clerk)
            _ = try await world.nominations.perform(.submit, on: submitted.id, version: submitted.version, by: try await world.actor(.headA))
            let secretary = try await Self.pages(api, .secretary)

            let index = try await secretary.get("/bao-cao")
            #expect(index.status == .ok && index.text.contains("href=\"/bao-cao/chi-tieu\"") && index.text.contains("Biểu 0601.N"))
            let page = try await secretary.get("/bao-cao/chi-tieu")
            #expect(page.status == .ok, "\(page.text)")
            #expect(page.text.contains("<svg class=\"bars\"") && page.text.contains("id=\"bieu-do-don-vi\"") && page.text.contains("id=\"bieu-do-phong-trao\""))
            #expect(page.text.contains("Tải Excel") && page.text.contains("tai=xlsx") && page.text.contains("Đã thẩm định"))
            #expect(page.text.contains("href=\"/bao-cao\"") && page.text.contains(">Báo cáo<"), "the menu names the reports")

            let file = try await secretary.get("/bao-cao/chi-tieu?tai=xlsx")
            #expect(file.status == .ok && file.headers[.contentType] == SheetFormat.xlsx.mediaType)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let sheet = try Workbook(Data(file.body.readableBytesView))
            #expect(sheet["A1"]?.text == "BẢNG THEO DÕI CHỈ TIÊU HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG" && sheet.merges.contains("A1:H1"))
            let heading = try #require(sheet.row(startingWith: "Đơn vị"))
            #expect(sheet.texts(row: heading) == ["Đơn vị", "Loại đơn vị", "Tối thiểu", "Tối đa", "Đã gửi", "Đã thẩm định", "Gửi muộn", "Còn thiếu"])
            for column in ["C", "E", "F", "G", "H"] { try Self.expectTotal(sheet, heading: "Đơn vị", column: column) }
            for column in ["D", "E", "F"] { try Self.expectTotal(sheet, heading: "Phong trào", column: column) }
            let (rows, total) = try Self.body(sheet, heading: "Đơn vị")
            #expect(Int(sheet["E\(total)"]?.text ?? "") == 2 && Int(sheet["F\(total)"]?.text ?? "") == 1, "two submitted, one verified of \(rows)")

            let csv = try await secretary.get("/bao-cao/chi-tieu?tai=csv")
            let bytes = Data(csv.body.readableBytesView)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("Đơn vị,Loại đơn vị,Tối thiểu,Tối đa,Đã gửi,Đã thẩm định,Gửi muộn,Còn thiếu\r\n") && text.contains("Tổng cộng,"))
        }
    }

    @Test("the yearly report, 0601.N and 0603.N show bars and download with the money as numbers and totals matching their rows")
    func yearlyForms() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            _ = try await world.commended("Giàng A Dình")
            let secretary = try await Self.pages(api, .secretary)
            let yearly = try await secretary.get("/bao-cao/nam?nam=2021")
            #expect(yearly.status == .ok && yearly.text.contains("BÁO CÁO KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2021"))
            #expect(yearly.text.contains("<svg class=\"bars\"") && yearly.text.contains("Số tiền thưởng (đồng)"))
            let sheet = try Workbook(Data(try await secretary.get("/bao-cao/nam?nam=2021&tai=xlsx").body.readableBytesView))
            #expect(sheet["A1"]?.text == "BÁO CÁO KẾT QUẢ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2021")
            try Self.expectTotal(sheet, heading: "Phong trào", column: "B")
            try Self.expectTotal(sheet, heading: "Phong trào", column: "E")
            try Self.expectTotal(sheet, heading: "Hình thức", column: "D")
            try Self.expectTotal(sheet, heading: "Hình thức", column: "E")
            let award = try #require(sheet.row(startingWith: "Hình thức")) + 1
            #expect(sheet["E\(award)"]?.isNumber == true && sheet["E\(award)"]?.style == "3", "money as a number with thousands separators")
            #expect(sheet["B\(award)"]?.text == "Theo đợt, chuyên đề" || sheet["B\(award)"]?.text.isEmpty == false, "the type in words, not a code")

            let movements = try await secretary.get("/bao-cao/0601?nam=2021")
            #expect(movements.status == .ok && movements.text.contains("Biểu số 0601.N") && movements.text.contains("<svg class=\"bars\""))
            #expect(movements.text.contains("chưa được đối chiếu với mẫu biểu"), "the page says its columns are not checked against the annex")
            let form0601 = try Workbook(Data(try await secretary.get("/bao-cao/0601?nam=2021&tai=xlsx").body.readableBytesView))
            #expect(form0601["A1"]?.text == "Biểu số 0601.N" && form0601["A2"]?.text == "SỐ PHONG TRÀO THI ĐUA")
            let total0601 = try #require(form0601.row(startingWith: "Tổng số"))
            #expect(form0601["B\(total0601)"]?.text == "2", "the world's two movements run in 2021")

            let recipients = try await secretary.get("/bao-cao/0603?nam=2021")
            #expect(recipients.status == .ok && recipients.text.contains("Biểu số 0603.N") && recipients.text.contains("<svg class=\"bars\""))
            let form0603 = try Workbook(Data(try await secretary.get("/bao-cao/0603?nam=2021&tai=xlsx").body.readableBytesView))
            #expect(form0603.texts(row: try #require(form0603.row(startingWith: "Hình thức khen thưởng"))).contains("Hộ gia đình"))
            for column in ["C", "F", "K"] { try Self.expectTotal(form0603, heading: "Hình thức khen thưởng", column: column) }

            let missing = try await secretary.get("/bao-cao/0602")
            #expect(missing.status == .ok && missing.text.contains("chưa tìm được phụ lục"))
        }
    }

    @Test("a review summary is 404 until the area records the review, then a page with bars and a workbook")
    func reviewSummaries() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            _ = try await world.verified("Lò Thị Mai")
            let secretary = try await Self.pages(api, .secretary)
            #expect(try await secretary.get("/bao-cao/so-ket").status == .notFound)
            try await world.asInstaller { connection in
                _ = try await connection.query("""
                    INSERT INTO thidua.emulation_reviews (area_id, code, kind, level, name, year, held_on, basis, period) VALUES
                        ('test/huyen', 'so-ket-2023', 'mid_term_review', 'district', 'Sơ kết giữa kỳ', 2023, '2023-06-11', 'PLAN.md §6', '2021-2025')
                    """)
            }
            let page = try await secretary.get("/bao-cao/so-ket")
            #expect(page.status == .ok && page.text.contains("BÁO CÁO SƠ KẾT PHONG TRÀO THI ĐUA GIAI ĐOẠN 2021-2025"))
            #expect(page.text.contains("<svg class=\"bars\""))
            let sheet = try Workbook(Data(try await secretary.get("/bao-cao/so-ket?tai=xlsx").body.readableBytesView))
            try Self.expectTotal(sheet, heading: "Phong trào", column: "C")
        }
    }

    @Test("a commune clerk is refused every report and its files (403) and has no Báo cáo in the menu; bad parameters are 400")
    func refusals() async throws {
        try await APIWorld.run(verifier: false) { _, api in
            let clerk = try await Self.pages(api, .clerkA)
            for path in ["/bao-cao", "/bao-cao/chi-tieu", "/bao-cao/chi-tieu?tai=xlsx", "/bao-cao/nam?nam=2021", "/bao-cao/0601?nam=2021&tai=csv",
                         "/bao-cao/0602", "/bao-cao/0603", "/bao-cao/so-ket", "/bao-cao/tong-ket"] {
                let reply = try await clerk.get(path)
                #expect(reply.status == .forbidden, "\(path): \(reply.status)")
                #expect(reply.headers[.contentType]?.hasPrefix("text/html") == true, "\(path)")
            }
            #expect(!(try await clerk.get("/").text.contains("href=\"/bao-cao\"")))
            let secretary = try await Self.pages(api, .secretary)
            for path in ["/bao-cao/nam?nam=hai-nghin", "/bao-cao/0601?nam=1999", "/bao-cao/chi-tieu?dot=khong-co",
                         "/bao-cao/0603?nam=2021&tai=pdf", "/ho-so?tai=pdf", "/quyet-dinh?tai=docx"] {
                let reply = try await secretary.get(path)
                #expect(reply.status == .badRequest, "\(path): \(reply.status)")
                #expect(reply.text.contains("không hợp lệ"), "\(path): a Vietnamese message")
            }
        }
    }

    @Test("the nominations and decisions lists download as filtered on the page: the export's Vietnamese headers, labels, numbers")
    func listDownloads() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            _ = try await world.commended("Giàng A Dình")
            let clerk = try await world.actor(.clerkA)
            _ = try await world.nominations.create(world.draft(name: "Vàng A Páo"), by: clerk)
            let secretary = try await Self.pages(api, .secretary)
            let list = try await secretary.get("/ho-so?trang-thai=decided")
            #expect(list.text.contains("href=\"/ho-so?trang-thai=decided&amp;tai=xlsx\"") && list.text.contains("Tải CSV"))
            let sheet = try Workbook(Data(try await secretary.get("/ho-so?trang-thai=decided&tai=xlsx").body.readableBytesView))
            #expect(sheet.texts(row: 1) == NominationSheet.headers)
            #expect(sheet["H2"]?.text == "Giàng A Dình" && sheet["K2"]?.text == NominationState.decided.vietnamese && sheet["A2"]?.isNumber == true)
            #expect(sheet["A3"] == nil, "the draft of another state is not in the filtered list")
            #expect(sheet["N2"]?.style == "2", "the moment it was sent as a date-time cell")

            let mine = try await Self.pages(api, .clerkA)
            let csv = try await mine.get("/ho-so?tai=csv")
            let bytes = Data(csv.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let records = try CSVFile.records(String(decoding: bytes, as: UTF8.self))
            #expect(records.map { $0["Tên đối tượng"] } == ["Vàng A Páo"], "a clerk's file holds only what the clerk may see")
            #expect(records.first?["Trạng thái"] == NominationState.draft.vietnamese)

            let decisions = try Workbook(Data(try await secretary.get("/quyet-dinh?trang-thai=signed&tai=xlsx").body.readableBytesView))
            #expect(decisions.texts(row: 1) == DecisionSheet.headers)
            #expect(decisions["D2"]?.text == "Về việc khen thưởng" && decisions["H2"]?.text == "1" && decisions["H2"]?.isNumber == true)
            #expect(decisions["B2"]?.text.hasPrefix("1/") == true, "the number, not the id")
        }
    }
}
