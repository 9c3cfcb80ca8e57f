import Foundation

/// A Word document (WordprocessingML) built paragraph by paragraph: A4 with the margins of Nghị định 30/2020
/// (top and bottom 20 mm, left 30 mm, right 15 mm), Times New Roman 14 pt, tables without borders for the
/// side-by-side headings and with borders for lists. Every text is escaped; nothing typed becomes markup.
///
/// ```swift
/// var document = WordDocument()
/// document.paragraph([.init("QUYẾT ĐỊNH", bold: true)], alignment: .center)
/// let bytes = try document.data()
/// ```
public struct WordDocument: Sendable {
    public enum Alignment: String, Sendable { case left, center, right, both }

    public struct Run: Sendable {
        public var text: String
        public var bold: Bool
        public var italic: Bool
        public var underline: Bool
        /// Half-points, as WordprocessingML counts them (28 = 14 pt).
        public var size: Int?

        public init(_ text: String, bold: Bool = false, italic: Bool = false, underline: Bool = false, size: Int? = nil) {
            self.text = text
            self.bold = bold
            self.italic = italic
            self.underline = underline
            self.size = size
        }
    }

    /// A table cell: its paragraphs, each runs and an alignment.
    public struct Cell: Sendable {
        public var paragraphs: [(runs: [Run], alignment: Alignment)]
        public init(_ paragraphs: [(runs: [Run], alignment: Alignment)]) { self.paragraphs = paragraphs }
        public init(_ text: String, bold: Bool = false, alignment: Alignment = .left) {
            paragraphs = [([Run(text, bold: bold)], alignment)]
        }
    }

    private var body = ""

    public init() {}

    /// A paragraph; `indent` is the first line's indent in twentieths of a point (567 ≈ 1 cm).
    public mutating func paragraph(_ runs: [Run], alignment: Alignment = .both, indent: Int = 0, spaceAfter: Int = 60) {
        body += Self.paragraphXML(runs, alignment: alignment, indent: indent, spaceAfter: spaceAfter)
    }

    public mutating func pageBreak() {
        body += #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#
    }

    /// A table; `widths` in twentieths of a point, one per column.
    public mutating func table(_ rows: [[Cell]], widths: [Int], borders: Bool, header: Bool = false) {
        let border = borders ? "single" : "nil"
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(side) w:val=\"\(border)\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml += "</w:tblBorders></w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (index, row) in rows.enumerated() {
            xml += "<w:tr>" + (header && index == 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for (column, cell) in row.enumerated() {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[min(column, widths.count - 1)])\" w:type=\"dxa\"/></w:tcPr>"
                xml += cell.paragraphs.map { Self.paragraphXML($0.runs, alignment: $0.alignment, indent: 0, spaceAfter: 0) }.joined()
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        body += xml + "</w:tbl>"
    }

    /// The .docx bytes.
    public func data() throws -> Data {
        try OfficePackage.zip(Self.fixedParts + [("word/document.xml", documentXML)])
    }

    /// `word/document.xml`, for the tests to read.
    public var documentXML: String {
        OfficePackage.header + "<w:document xmlns:w=\"\(Self.main)\"><w:body>" + body
            + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>"
    }

    private static func paragraphXML(_ runs: [Run], alignment: Alignment, indent: Int, spaceAfter: Int) -> String {
        var xml = "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"\(spaceAfter)\"/>"
        if indent > 0 { xml += "<w:ind w:firstLine=\"\(indent)\"/>" }
        xml += "<w:jc w:val=\"\(alignment.rawValue)\"/></w:pPr>"
        for run in runs {
            xml += "<w:r><w:rPr>"
            if run.bold { xml += "<w:b/>" }
            if run.italic { xml += "<w:i/>" }
            if run.underline { xml += "<w:u w:val=\"single\"/>" }
            if let size = run.size { xml += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            xml += "</w:rPr><w:t xml:space=\"preserve\">\(OfficePackage.escaped(run.text))</w:t></w:r>"
        }
        return xml + "</w:p>"
    }

    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    private static let fixedParts: [(path: String, text: String)] = {
        let package = "http://schemas.openxmlformats.org/package/2006"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return [
            ("[Content_Types].xml", OfficePackage.header + """
                <Types xmlns="\(package)/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", OfficePackage.header + """
                <Relationships xmlns="\(package)/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="word/document.xml"/>\
                </Relationships>
                """),
            ("word/_rels/document.xml.rels", OfficePackage.header + """
                <Relationships xmlns="\(package)/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("word/styles.xml", OfficePackage.header + """
                <w:styles xmlns:w="\(main)"><w:docDefaults><w:rPrDefault><w:rPr>\
                <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>\
                <w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>\
                <w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
                <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
                </w:styles>
                """),
        ]
    }()
}
