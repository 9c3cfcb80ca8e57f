import Testing
@testable import thidua

/// The CSV `nominations import` reads: each record keeps the line of the file it starts on, as an editor numbers
/// them, so an error names the line a person finds.
@Suite("CSVReaderTests")
struct CSVReaderTests {
    @Test("a record after a blank line, or after a quoted field spanning lines, is numbered by the physical line it starts on")
    func physicalLines() {
        let text = "\u{FEFF}name,note\r\n"      // line 1
            + "A,một dòng\r\n"                  // line 2
            + "\r\n"                            // line 3, blank
            + "B,\"hai\r\ndòng\"\r\n"           // lines 4–5
            + "C,\"ba\ndòng,\n\"\"trích\"\"\"\n" // lines 6–8, LF only
            + "\n\n"                            // lines 9–10, blank
            + "D,cuối"                          // line 11, no final line break
        let records = CSVReader.records(text)
        #expect(records.map(\.line) == [2, 4, 6, 11])
        #expect(records.map { $0["name"] } == ["A", "B", "C", "D"])
        #expect(records[1]["note"] == "hai\r\ndòng" && records[2]["note"] == "ba\ndòng,\n\"trích\"")
    }

    @Test("an old Mac file (CR only) counts its lines too; a header alone has no records")
    func carriageReturns() {
        #expect(CSVReader.records("name\rA\r\rB\r").map(\.line) == [2, 4])
        #expect(CSVReader.records("name,note\r\n").isEmpty)
    }
}
