import Foundation
import Testing
import ThiduaCore
@testable import ThiduaOffice
import ZIPFoundation

/// The import template (issue 16 item 2): downloaded as Excel or CSV with the Vietnamese headings, and read back
/// filled in, its columns in any order, blank rows skipped, each row with its line as the spreadsheet shows it.
@Suite("NominationTemplateTests")
struct NominationTemplateTests {
    @Test("the Excel template filled in reads back row by row, with Excel's row numbers")
    func excelRoundTrip() throws {
        var workbook = XLSXWriter(sheetName: "Danh sách đề nghị")
        workbook.row(cells: NominationImport.columns.map { .text($0.heading) }, style: .heading)
        workbook.row(cells: [.text("2021-co-so"), .text("hoc-tap-lam-theo-bac"), .text("Cá nhân"), .text("Lò Thị Mai"), .text("Lao động tiên tiến"), .text("Dạy giỏi")])
        workbook.row(cells: [.empty, .empty, .empty, .empty, .empty, .empty])
        workbook.row(cells: [.text("2021-co-so"), .text("hoc-tap-lam-theo-bac"), .text("Tập thể"), .text("Tổ chè Páo Tỉnh"), .empty, .number(12)])
        let rows = try NominationTemplate.rows(from: try workbook.data())
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[0] == NominationImport.Row(line: 2, round: "2021-co-so", movement: "hoc-tap-lam-theo-bac", kind: "Cá nhân",
                                                name: "Lò Thị Mai", title: "Lao động tiên tiến", achievements: "Dạy giỏi"))
        #expect(rows[1].name == "Tổ chè Páo Tỉnh" && rows[1].achievements == "12" && rows[1].title == "")
    }

    @Test("a sheet of shared strings, as Excel saves one, reads by cell reference (a skipped cell stays empty)")
    func sharedStrings() throws {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ xml: String) throws {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("xl/sharedStrings.xml", """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Mã đợt</t></si><si><t>Mã phong trào</t></si>            <si><t>Loại đối tượng</t></si><si><r><t>Tên tập thể, </t></r><r><t>cá nhân, hộ gia đình</t></r></si><si><t>Cá nhân</t></si></sst>
            """)
        try add("xl/worksheets/sheet1.xml", """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>            <row r="3"><c r="A3" t="inlineStr"><is><t>2021-co-so</t></is></c><c r="C3" t="s"><v>4</v></c><c r="D3" t="str"><v>Lò Thị Mai</v></c></row>            </sheetData></worksheet>
            """)
        let rows = try NominationTemplate.rows(from: try #require(archive.data))
        #expect(rows == [NominationImport.Row(line: 3, round: "2021-co-so", movement: "", kind: "Cá nhân", name: "Lò Thị Mai")])
        #expect(XLSXReader.column(of: "AA3") == 26)
    }

    @Test("the CSV template, its columns in another order and with the command line's keys, reads back; a header without the columns is refused in Vietnamese")
    func csv() throws {
        let template = String(decoding: try NominationTemplate.file(.csv), as: UTF8.self)
        #expect(template.hasPrefix("\u{FEFF}Mã đợt,Mã phong trào,Loại đối tượng"))
        let filled = "name,kind,round,movement\r\n\"Lò Thị Mai\",Cá nhân,2021-co-so,hoc-tap-lam-theo-bac\r\n"
        let rows = try NominationTemplate.rows(from: Data(filled.utf8))
        #expect(rows.count == 1 && rows[0].name == "Lò Thị Mai" && rows[0].line == 2 && rows[0].round == "2021-co-so")
        #expect {
            try NominationTemplate.rows(from: Data("Họ tên,Ghi chú\r\nA,B\r\n".utf8))
        } throws: { ($0 as? NominationTemplate.Unreadable)?.vietnamese.contains("Mã đợt") == true }
    }
}
