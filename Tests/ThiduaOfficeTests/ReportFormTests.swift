import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ThiduaOffice

/// A report's form as the workbook and the CSV file lay it out: the title merged across the widest table, each
/// total a SUM over exactly its table's rows with the value it gives, an empty table's total a plain 0, and the
/// CSV the same rows in the same order.
@Suite("ReportFormTests")
struct ReportFormTests {
    static let form = ReportForm(
        form: "Biểu số 0000.N", title: "BIỂU THỬ", lines: ["Đơn vị báo cáo: Phòng Nội vụ"],
        tables: [
            ReportForm.Table(caption: "I. Có số liệu", columns: ["Tên", "Số lượng", "Số tiền (đồng)"],
                             rows: [[.text("A"), .number(2), .money(1_250_000)], [.text("B"), .number(3), .money(750_000)]], summed: [1, 2]),
            ReportForm.Table(caption: "II. Trống", columns: ["Tên", "Số lượng"], rows: [], summed: [1]),
        ],
        fileName: "Bieu thu")

    @Test("totals are SUM formulas over their own rows with their values; an empty table totals 0; titles merge across the widest table")
    func workbookLayout() throws {
        let archive = try Archive(data: try Self.form.data(.xlsx), accessMode: .read)
        var bytes = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { bytes.append($0) }
        _ = try XMLDocument(data: bytes)
        let xml = String(decoding: bytes, as: UTF8.self)
        // Rows: 1 form, 2 title, 3 line, 4 gap, 5 caption, 6 headings, 7–8 body, 9 total, 10 gap, 11 caption, 12 headings, 13 total.
        #expect(xml.contains(#"<mergeCell ref="A1:C1"/>"#) && xml.contains(#"<mergeCell ref="A2:C2"/>"#) && xml.contains(#"<mergeCell ref="A3:C3"/>"#))
        #expect(xml.contains(#"<c r="B9" s="4"><f>SUM(B7:B8)</f><v>5</v></c>"#))
        #expect(xml.contains(#"<c r="C9" s="4"><f>SUM(C7:C8)</f><v>2000000</v></c>"#))
        #expect(xml.contains(#"<c r="C7" s="3"><v>1250000</v></c>"#), "money a number shown with thousands separators")
        #expect(xml.contains(#"<c r="B13" s="4"><v>0</v></c>"#) && !xml.contains("SUM(B13"), "no formula over no rows")
    }

    @Test("the CSV holds the same rows in the same order, numbers as digits, with a BOM")
    func csvLayout() throws {
        let data = try Self.form.data(.csv)
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(Array(lines.prefix(9)) == [
            "Biểu số 0000.N", "BIỂU THỬ", "Đơn vị báo cáo: Phòng Nội vụ", "", "I. Có số liệu", "Tên,Số lượng,Số tiền (đồng)",
            "A,2,1250000", "B,3,750000", "Tổng cộng,5,2000000",
        ])
        #expect(lines.contains("Tổng cộng,0"))
    }
}
