import Foundation

/// One sheet as an Excel workbook (Office Open XML): the parts Excel and LibreOffice need and nothing more. The
/// one writer of the CLI's exports and the server's downloads, so a list is the same file from either.
///
/// Text is an inline string (so a code such as `001` keeps its exact text), a number a number cell Excel can sum,
/// an amount a number shown with thousands separators, a total a formula with its value, a moment a date-time
/// cell shown `dd/mm/yyyy hh:mm`. A report is laid out as its official form is: title rows merged across the
/// table, bold headings that wrap, a bold total line.
///
/// ```swift
/// var sheet = XLSXWriter(sheetName: "Hồ sơ đề nghị")
/// sheet.heading(["STT", "Tên"])          // bold; the first heading row stays in view when frozen
/// sheet.row(cells: [.number(1), .text("Lò Thị Mai")])
/// let bytes = try sheet.data()
/// ```
public struct XLSXWriter: Sendable {
    /// How a row reads: the form's title (bold, larger, centred, merged across the table), a line under it
    /// (centred, merged), column headings (bold, wrapped), body, or a total (bold).
    public enum Style: Sendable {
        case title, subtitle, heading, body, total
    }

    private var rows: [(style: Style, cells: [SheetCell])] = []
    private var merges: [String] = []
    private var widths: [Int: Double] = [:]
    /// The rows kept in view when scrolling (the header of a list); 0 for none.
    public var frozenRows = 0
    public let sheetName: String

    public init(sheetName: String) {
        self.sheetName = sheetName
    }

    /// The 1-based number the next row will have, for a formula that refers to rows written before it.
    public var nextRow: Int { rows.count + 1 }

    /// A row of bold text cells: the header of a list or a form's column headings.
    public mutating func heading(_ fields: [String]) {
        rows.append((.heading, fields.map(SheetCell.text)))
    }

    public mutating func row(cells: [SheetCell], style: Style = .body) {
        rows.append((style, cells))
    }

    /// A title or a line under it, merged across `columns` columns.
    public mutating func title(_ text: String, across columns: Int, style: Style = .title) {
        let number = nextRow
        rows.append((style, [.text(text)]))
        if columns > 1 { merges.append("A\(number):\(Self.column(columns - 1))\(number)") }
    }

    /// An empty row, between a form's parts.
    public mutating func gap() {
        rows.append((.body, []))
    }

    /// Column `index`'s width in characters (Excel's default is about 8.4).
    public mutating func width(_ characters: Double, column index: Int) {
        widths[index] = characters
    }

    /// The workbook's bytes.
    public func data() throws -> Data {
        try OfficePackage.zip(parts())
    }

    private func parts() -> [(String, String)] {
        let header = OfficePackage.header
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006"
        return [
            ("[Content_Types].xml", header + """
                <Types xmlns="\(package)/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>
                """),
            ("_rels/.rels", header + """
                <Relationships xmlns="\(package)/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", header + """
                <workbook xmlns="\(main)" xmlns:r="\(relationships)">\
                <sheets><sheet name="\(OfficePackage.escaped(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets>\
                </workbook>
                """),
            ("xl/_rels/workbook.xml.rels", header + """
                <Relationships xmlns="\(package)/relationships">\
                <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="\(relationships)/styles" Target="styles.xml"/>\
                </Relationships>
                """),
            ("xl/styles.xml", header + Self.styles(main: main)),
            ("xl/worksheets/sheet1.xml", header + sheet(main: main)),
        ]
    }

    /// The cell formats, by index: 0 plain, 1 bold (headings), 2 date-time, 3 thousands (#,##0), 4 bold
    /// thousands (totals), 5 title (bold 14, centred), 6 centred line under it, 7 bold wrapped centred heading.
    private static func styles(main: String) -> String {
        """
        <styleSheet xmlns="\(main)">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>\
        <fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="14"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center"/></xf>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
    }

    private func sheet(main: String) -> String {
        var xml = "<worksheet xmlns=\"\(main)\">"
        if frozenRows > 0 {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(frozenRows)\" topLeftCell=\"A\(frozenRows + 1)\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !widths.isEmpty {
            xml += "<cols>" + widths.keys.sorted().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\(widths[$0]!)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (index, row) in rows.enumerated() {
            let number = index + 1
            xml += "<row r=\"\(number)\">"
            for (column, cell) in row.cells.enumerated() {
                let reference = "r=\"\(Self.column(column))\(number)\""
                switch cell {
                case .text(let text):
                    let style = switch row.style {
                    case .title: " s=\"5\""
                    case .subtitle: " s=\"6\""
                    case .heading: " s=\"7\""
                    case .total: " s=\"1\""
                    case .body: ""
                    }
                    xml += "<c \(reference) t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(OfficePackage.escaped(text))</t></is></c>"
                case .number(let value):
                    xml += "<c \(reference)\(row.style == .total ? " s=\"4\"" : "")><v>\(value)</v></c>"
                case .money(let value):
                    xml += "<c \(reference) s=\"\(row.style == .total ? 4 : 3)\"><v>\(value)</v></c>"
                case .formula(let formula, let value):
                    xml += "<c \(reference) s=\"4\"><f>\(OfficePackage.escaped(formula))</f><v>\(value)</v></c>"
                case .moment(let date):
                    xml += "<c \(reference) s=\"2\"><v>\(SheetCell.serial(date))</v></c>"
                case .empty:
                    continue
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !merges.isEmpty {
            xml += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        return xml + "</worksheet>"
    }

    /// A, B, …, Z, AA, AB, … for column 0, 1, ….
    public static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
