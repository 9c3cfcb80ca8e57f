import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ThiduaCore
import ThiduaOffice
import ZIPFoundation

/// The decision as a Word file: a package Word and LibreOffice open (the parts they need, well-formed XML),
/// laid out as Nghị định 30 asks, every typed text escaped, and a long list moved to a table of its own.
@Suite("DecisionWordDocumentTests")
struct DecisionWordDocumentTests {
    static func document(entries count: Int, name: String = "Lò Thị Mai") throws -> DecisionDocument {
        let entries = (1...count).map { number in
            ["number": number, "name": number == 1 ? name : "Người thứ \(number)", "isCollective": false, "unitName": "UBND xã Sín Chải",
             "form": "Giấy khen của Chủ tịch Ủy ban nhân dân huyện", "amount": 702_000] as [String: Any]
        }
        let json: [String: Any] = [
            "issuingBody": "Ủy ban nhân dân huyện Tủa Chùa", "number": "Số: 12/QĐ-UBND", "dateLine": "Tủa Chùa, ngày 20 tháng 12 năm 2024",
            "title": "QUYẾT ĐỊNH", "subject": "Về việc khen thưởng & <động viên>", "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TỦA CHÙA",
            "bases": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"], "proposer": "Theo đề nghị của Trưởng phòng Nội vụ.",
            "lead": ["Điều 1. Khen thưởng:"], "entries": entries, "withheld": 0,
            "closing": ["Điều 2. Tiền thưởng …", "Điều 3. Quyết định có hiệu lực kể từ ngày ký."],
            "recipients": ["- Như Điều 3;", "- Lưu: VT, NV."], "signature": ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Phó"],
        ]
        return try JSONDecoder().decode(DecisionDocument.self, from: JSONSerialization.data(withJSONObject: json))
    }

    /// The package's parts by path, and the text of `word/document.xml` (every `w:t` in order).
    static func read(_ data: Data) throws -> (parts: Set<String>, xml: String, text: [String]) {
        let archive = try Archive(data: data, accessMode: .read)
        var xml = Data()
        _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
        let collector = TextCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        #expect(parser.parse(), "word/document.xml is well-formed XML")
        return (Set(archive.map(\.path)), String(decoding: xml, as: UTF8.self), collector.texts)
    }

    final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        private var inText = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "w:t" { inText = true; texts.append("") }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "w:t" { inText = false }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { texts[texts.count - 1] += string }
        }
    }

    @Test("a short decision: the parts Word needs, the heading side by side, bases, proposer, each entry in Điều 1, Nơi nhận and the signer; typed text escaped")
    func shortDecision() throws {
        let document = try Self.document(entries: 3, name: "<script>alert(1)</script>")
        let (parts, xml, text) = try Self.read(try DecisionWordDocument.make(document).data())
        #expect(parts.isSuperset(of: ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"]))
        #expect(!xml.contains("<script>") && xml.contains("&lt;script&gt;"))
        let joined = text.joined(separator: "\n")
        for line in ["ỦY BAN NHÂN DÂN HUYỆN TỦA CHÙA", "Số: 12/QĐ-UBND", DecisionDocument.nationalName, DecisionDocument.motto,
                     "Tủa Chùa, ngày 20 tháng 12 năm 2024", "QUYẾT ĐỊNH", "Về việc khen thưởng & <động viên>",
                     "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TỦA CHÙA", "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                     "Theo đề nghị của Trưởng phòng Nội vụ.", "QUYẾT ĐỊNH:", "Nơi nhận:", "- Như Điều 3;", "KT. CHỦ TỊCH", "Trần Văn Phó"] {
            #expect(joined.contains(line), "\(line)")
        }
        #expect(joined.contains("1. <script>alert(1)</script>, UBND xã Sín Chải: Giấy khen của Chủ tịch Ủy ban nhân dân huyện; tiền thưởng 702.000 đồng;"))
        #expect(joined.components(separatedBy: "Căn cứ").count == 2)
        #expect(!xml.contains("w:type=\"page\""))
        #expect(xml.contains("w:pgSz w:w=\"11906\" w:h=\"16838\""), "A4")
    }

    @Test("past ten commended, Điều 1 refers to the list, which follows on its own page as a table with a repeated header")
    func longList() throws {
        let (_, xml, text) = try Self.read(try DecisionWordDocument.make(try Self.document(entries: 12)).data())
        #expect(text.contains("Tặng thưởng 12 tập thể, cá nhân có thành tích xuất sắc (có danh sách kèm theo)."))
        let breakAt = try #require(xml.range(of: "w:type=\"page\""))
        let listAt = try #require(xml.range(of: "DANH SÁCH KHEN THƯỞNG"))
        #expect(breakAt.lowerBound < listAt.lowerBound)
        #expect(xml.contains("<w:tblHeader/>"))
        #expect(text.contains("Người thứ 12") && text.contains("702.000"))
    }
}
