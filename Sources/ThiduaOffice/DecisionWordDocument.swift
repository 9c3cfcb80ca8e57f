import Foundation
import ThiduaCore

/// A decision laid out as a Word document in the form of Nghị định 30/2020/NĐ-CP (Phụ lục I): the issuing body
/// with the number beside the national name, motto and date; QUYẾT ĐỊNH and the subject; the deciding authority;
/// the bases; "Theo đề nghị …"; QUYẾT ĐỊNH:; the articles; Nơi nhận beside the signature block. Past
/// ``listInlineLimit`` entries, Điều 1 refers to the list, which follows as a table on its own pages.
public enum DecisionWordDocument {
    public static let listInlineLimit = 10

    public static func make(_ document: DecisionDocument) -> WordDocument {
        var word = WordDocument()
        let issuer = document.issuingBody.uppercased()
        word.table([[
            WordDocument.Cell([([.init(issuer, bold: true, size: 26)], .center), ([.init(document.number, size: 26)], .center)]),
            WordDocument.Cell([([.init(DecisionDocument.nationalName, bold: true, size: 24)], .center),
                               ([.init(DecisionDocument.motto, bold: true, underline: true, size: 26)], .center),
                               ([.init(document.dateLine, italic: true)], .right)]),
        ]], widths: [3600, 5755], borders: false)
        word.paragraph([.init("")])
        word.paragraph([.init(document.title, bold: true)], alignment: .center, spaceAfter: 0)
        word.paragraph([.init(document.subject, bold: true)], alignment: .center, spaceAfter: 240)
        if let authority = document.authority { word.paragraph([.init(authority, bold: true)], alignment: .center, spaceAfter: 240) }
        for basis in document.bases { word.paragraph([.init(basis, italic: true)], indent: 567) }
        if let proposer = document.proposer { word.paragraph([.init(proposer, italic: true)], indent: 567, spaceAfter: 240) }
        if document.authority != nil { word.paragraph([.init("QUYẾT ĐỊNH:", bold: true)], alignment: .center, spaceAfter: 240) }

        let attached = document.entries.count > listInlineLimit
        for line in document.lead { word.paragraph(heading(line), indent: 567) }
        if attached {
            word.paragraph([.init("Tặng thưởng \(document.entries.count) tập thể, cá nhân có thành tích xuất sắc (có danh sách kèm theo).")], indent: 567)
        } else {
            for entry in document.entries { word.paragraph([.init(line(entry))], indent: 567) }
        }
        if document.withheld > 0 { word.paragraph([.init(DecisionDocument.withheldLine(document.withheld), italic: true)], indent: 567) }
        for line in document.closing { word.paragraph(heading(line), indent: 567) }

        word.table([[
            WordDocument.Cell([([.init("Nơi nhận:", bold: true, italic: true, size: 24)], .left)]
                              + document.recipients.map { ([.init($0, size: 22)], .left) }),
            WordDocument.Cell(document.signature.enumerated().flatMap { index, line -> [(runs: [WordDocument.Run], alignment: WordDocument.Alignment)] in
                // The signer's name stands apart from the title, where the signature and the seal go.
                let gap = index == document.signature.count - 1 && document.signature.count > 1
                return (gap ? Array(repeating: ([WordDocument.Run("")], .center), count: 3) : []) + [([.init(line, bold: true)], .center)]
            }),
        ]], widths: [4500, 4855], borders: false)

        if attached {
            word.pageBreak()
            word.paragraph([.init("DANH SÁCH KHEN THƯỞNG", bold: true)], alignment: .center, spaceAfter: 0)
            word.paragraph([.init("(Kèm theo Quyết định \(document.number.replacingOccurrences(of: "Số: ", with: "số ")), \(document.dateLine))", italic: true)],
                           alignment: .center, spaceAfter: 240)
            let header = ["STT", "Tên tập thể, cá nhân", "Đơn vị", "Hình thức", "Tiền thưởng (đồng)"].map { WordDocument.Cell($0, bold: true, alignment: .center) }
            let rows = document.entries.map { entry in
                [WordDocument.Cell(String(entry.number), alignment: .center), WordDocument.Cell(entry.name), WordDocument.Cell(entry.unitName),
                 WordDocument.Cell(entry.form), WordDocument.Cell(entry.amount.map(DecisionDocument.money) ?? "", alignment: .right)]
            }
            word.table([header] + rows, widths: [700, 3000, 2300, 2000, 1355], borders: true, header: true)
        }
        return word
    }

    /// "Điều 1." in bold, the rest as it is.
    private static func heading(_ line: String) -> [WordDocument.Run] {
        guard let match = line.firstMatch(of: /^(Điều \d+\.)\s*(.*)$/) else { return [.init(line)] }
        return [.init(String(match.1) + " ", bold: true), .init(String(match.2))]
    }

    private static func line(_ entry: DecisionDocument.Entry) -> String {
        var text = "\(entry.number). \(entry.name)" + (entry.unitName.isEmpty || entry.unitName == entry.name ? "" : ", \(entry.unitName)")
        text += ": \(entry.form)"
        if let amount = entry.amount { text += "; tiền thưởng \(DecisionDocument.money(amount)) đồng" }
        return text + ";"
    }
}
