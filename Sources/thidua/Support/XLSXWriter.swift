import Foundation
import ThiduaOffice

/// One sheet as an Excel workbook (Office Open XML): the parts Excel and LibreOffice need and nothing more, the
/// first row bold and frozen as the header. Text is an inline string (so a code such as `001` keeps its exact
/// text), a number a number cell Excel can sum, a moment a date-time cell shown `dd/mm/yyyy hh:mm`.
struct XLSXWriter {
    private var rows: [[SheetCell]] = []
    let sheetName: String

    init(sheetName: String) {
        self.sheetName = sheetName
    }

    /// A row of text cells, such as the header.
    mutating func row(_ fields: [String]) {
        rows.append(fields.map(SheetCell.text))
    }

    mutating func row(cells: [SheetCell]) {
        rows.append(cells)
    }

    /// The workbook's bytes.
    func data() throws -> Data {
        try OfficePackage.zip(parts())
    }

    private func parts() -> [(String, String)] {
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
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
            ("xl/styles.xml", header + """
                <styleSheet xmlns="\(main)">\
                <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/></numFmts>\
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
                <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
                <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
                <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
                <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
                </styleSheet>
                """),
            ("xl/worksheets/sheet1.xml", header + sheet(main: main)),
        ]
    }

    private func sheet(main: String) -> String {
        var xml = "<worksheet xmlns=\"\(main)\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + "<sheetData>"
        for (index, fields) in rows.enumerated() {
            let number = index + 1
            xml += "<row r=\"\(number)\">"
            for (column, cell) in fields.enumerated() {
                let reference = "r=\"\(Self.column(column))\(number)\""
                switch cell {
                case .text(let text):
                    let style = index == 0 ? " s=\"1\"" : ""
                    xml += "<c \(reference) t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(OfficePackage.escaped(text))</t></is></c>"
                case .number(let value):
                    xml += "<c \(reference)><v>\(value)</v></c>"
                case .moment(let date):
                    // Style 2: the date-time format of styles.xml.
                    xml += "<c \(reference) s=\"2\"><v>\(SheetCell.serial(date))</v></c>"
                case .empty:
                    continue
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A, B, …, Z, AA, AB, … for column 0, 1, ….
    static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
