import Foundation
import ThiduaOffice

/// A report's page: its form (``ReportForm``) as tables, the same rows the downloads hold, with pictures above
/// them, the choice of year or round, and the "Tải Excel" / "Tải CSV" links for what is shown.
struct ReportView {
    struct Cell {
        var text: String
        var numeric: Bool
        /// The column's heading, which a phone shows beside the figure (the table's head is hidden there).
        var label = ""
    }

    struct Row {
        var cells: [Cell]
    }

    struct Table {
        var caption: String?
        var columns: [String]
        var rows: [Row]
        var total: Row?
        var empty: Bool
    }

    struct Download {
        var href: String
        var label: String
    }

    /// A `<select>` of the page's GET form: the year or the round the report is of.
    struct Choice {
        var name: String
        var label: String
        var options: [Option]
    }

    var form: String?
    var title: String
    var lines: [String]
    var choice: Choice?
    var charts: [BarChart]
    var tables: [Table]
    var downloads: [Download]
    /// What the reader must know about how the figures were made.
    var notes: [String]
    var action: String

    init(_ form: ReportForm, path: String, query: [(String, String)], choice: Choice?, charts: [BarChart], notes: [String] = []) {
        self.form = form.form
        title = form.title
        lines = form.lines
        self.choice = choice
        self.charts = charts
        self.notes = notes
        action = path
        tables = form.tables.map { table in
            func row(_ cells: [SheetCell]) -> Row {
                Row(cells: cells.enumerated().map { index, cell in
                    var shown = Self.cell(cell)
                    shown.label = index < table.columns.count ? table.columns[index] : ""
                    return shown
                })
            }
            return Table(caption: table.caption, columns: table.columns, rows: table.rows.map(row),
                         total: table.total(firstRow: 1).map(row), empty: table.rows.isEmpty)
        }
        downloads = [("xlsx", "Tải Excel"), ("csv", "Tải CSV")].map { format, label in
            let parts = query + [("tai", format)]
            return Download(href: path + "?" + parts.map { "\($0.0)=\(Self.encoded($0.1))" }.joined(separator: "&"), label: label)
        }
    }

    /// Money and totals with Vietnamese thousands separators (1.250.000), as the page reads them; a count or a
    /// year as its digits (2021, never 2.021). The files keep numbers as numbers.
    static func cell(_ cell: SheetCell) -> Cell {
        switch cell {
        case .number(let number): Cell(text: String(number), numeric: true)
        case .money, .formula: Cell(text: VietnameseNumber.text(Decimal(cell.value ?? 0)), numeric: true)
        case .moment(let date): Cell(text: VietnameseTime.moment(date), numeric: false)
        case .text(let text): Cell(text: text, numeric: false)
        case .empty: Cell(text: "", numeric: false)
        }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
