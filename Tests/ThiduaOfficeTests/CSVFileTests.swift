import Foundation
import Testing
@testable import ThiduaOffice

/// The CSV `nominations import` reads: each record keeps the line of the file it starts on, as an editor numbers
/// them, so an error names the line a person finds.
@Suite("CSVFileTests")
struct CSVFileTests {
    @Test("a record after a blank line, or after a quoted field spanning lines, is numbered by the physical line it starts on")
    func physicalLines() throws {
        let text = "\u{FEFF}name,note\r\n"      // line 1
            + "A,một dòng\r\n"                  // line 2
            + "\r\n"                            // line 3, blank
            + "B,\"hai\r\ndòng\"\r\n"           // lines 4–5
            + "C,\"ba\ndòng,\n\"\"trích\"\"\"\n" // lines 6–8, LF only
            + "\n\n"                            // lines 9–10, blank
            + "D,cuối"                          // line 11, no final line break
        let records = try CSVFile.records(text)
        #expect(records.map(\.line) == [2, 4, 6, 11])
        #expect(records.map { $0["name"] } == ["A", "B", "C", "D"])
        #expect(records[1]["note"] == "hai\r\ndòng" && records[2]["note"] == "ba\ndòng,\n\"trích\"")
    }

    @Test("an old Mac file (CR only) counts its lines too; a header alone has no records")
    func carriageReturns() throws {
        #expect(try CSVFile.records("name\rA\r\rB\r").map(\.line) == [2, 4])
        #expect(try CSVFile.records("name,note\r\n").isEmpty)
    }

    @Test("what the export writes, a BOM, quotes only where needed and CRLF, reads back field for field")
    func roundTrip() throws {
        let rows = [["tên", "ghi chú"], ["Hộ ông Sùng A \"Lử\"", "Hiến 500 m² đất, làm 90 ngày công\nnăm 2021"], ["Giàng A Páo", ""]]
        let data = try CSVFile.data(rows)
        let text = String(decoding: data, as: UTF8.self)  // keeps the BOM, which String(data:encoding:) drops
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text == "\u{FEFF}tên,ghi chú\r\n\"Hộ ông Sùng A \"\"Lử\"\"\",\"Hiến 500 m² đất, làm 90 ngày công\nnăm 2021\"\r\nGiàng A Páo,\r\n")
        let records = try CSVFile.records(text)
        #expect(records.map(\.line) == [2, 4])
        #expect(records.map { $0["tên"] } == ["Hộ ông Sùng A \"Lử\"", "Giàng A Páo"] && records[0]["ghi chú"] == rows[1][1])
    }
}
