import Foundation
import Testing
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ThiduaOffice

/// The workbook `nominations export` writes, read back part by part: markup in a cell stays text, characters
/// XML forbids are dropped, columns past Z are named as Excel names them.
@Suite("XLSXWriterTests")
struct XLSXWriterTests {
    @Test("cells with markup, quotes and control characters make a well-formed sheet that says what was typed")
    func escaping() throws {
        var writer = XLSXWriter(sheetName: "Danh sách <thử> & kiểm tra, một tên dài hơn ba mươi mốt ký tự")
        writer.heading(["tên", "ghi chú"])
        writer.row(cells: [.text("Hợp tác xã A & B <Tủa Chùa>"), .text("\"trích\" 'dẫn'\u{1}\u{B}\tcột\nhai dòng")])
        let archive = try Archive(data: try writer.data(), accessMode: .read)
        func part(_ path: String) throws -> Data {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return data
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        let xml = try #require(String(data: sheet, encoding: .utf8))
        #expect(xml.contains(">Hợp tác xã A &amp; B &lt;Tủa Chùa&gt;<"))
        #expect(xml.contains(">&quot;trích&quot; &apos;dẫn&apos;\tcột\nhai dòng<"), "control characters dropped, tab and line break kept")
        #expect(!xml.unicodeScalars.contains { $0.value == 1 || $0.value == 0xB })
        for path in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"] {
            _ = try XMLDocument(data: try part(path))  // each part well-formed, or this throws
        }
        let workbook = try #require(String(data: try part("xl/workbook.xml"), encoding: .utf8))
        #expect(workbook.contains(#"name="Danh sách &lt;thử&gt; &amp; kiểm tra, một""#), "the sheet name cut to Excel's 31 characters")
    }

    @Test("columns are A…Z, then AA, AB…, as Excel names them")
    func columnNames() {
        #expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(XLSXWriter.column) == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }
}
