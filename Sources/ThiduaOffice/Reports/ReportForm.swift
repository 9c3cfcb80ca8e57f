import Foundation

/// A report laid out as its official form: the form's number, its title, the unit reporting and the period, then
/// its tables, each with its own column headings and a total line. The page shows it, and it downloads as an
/// Excel workbook (titles merged across the table, numbers as numbers, totals as `SUM` formulas with their
/// values) or as CSV, the same rows in the same order — one layout, three readers.
///
/// ```swift
/// let form = ReportForms.yearly(report, reporter: "Phòng Nội vụ huyện Tủa Chùa")
/// let workbook = try form.data(.xlsx)
/// ```
public struct ReportForm: Sendable {
    /// One table of the form.
    public struct Table: Sendable {
        /// "I. Theo phong trào"; `nil` for a form of one table.
        public var caption: String?
        public var columns: [String]
        public var rows: [[SheetCell]]
        /// The columns added up on the total line, by index; none, no total line.
        public var summed: [Int]

        public init(caption: String?, columns: [String], rows: [[SheetCell]], summed: [Int] = []) {
            self.caption = caption
            self.columns = columns
            self.rows = rows
            self.summed = summed
        }

        /// The total line, "Tổng cộng" in the first column and each summed column's total: a formula over the
        /// rows (`firstRow` is the sheet row of the table's first body row) and the value it gives.
        public func total(firstRow: Int) -> [SheetCell]? {
            guard !summed.isEmpty else { return nil }
            var cells = [SheetCell](repeating: .empty, count: columns.count)
            cells[0] = .text("Tổng cộng")
            for column in summed {
                let value = rows.reduce(Int64(0)) { $0 + (column < $1.count ? $1[column].value ?? 0 : 0) }
                let letter = XLSXWriter.column(column)
                cells[column] = rows.isEmpty ? .number(0) : .formula("SUM(\(letter)\(firstRow):\(letter)\(firstRow + rows.count - 1))", value: value)
            }
            return cells
        }
    }

    /// "Biểu số 0601.N", or `nil` for a report of the system's own.
    public var form: String?
    public var title: String
    /// The unit reporting, the period, and anything the reader must know first.
    public var lines: [String]
    public var tables: [Table]
    /// The file's name without its extension: "Bieu 0601.N nam 2021" reads in any file manager.
    public var fileName: String

    public init(form: String?, title: String, lines: [String], tables: [Table], fileName: String) {
        self.form = form
        self.title = title
        self.lines = lines
        self.tables = tables
        self.fileName = fileName
    }

    /// The widest table's columns, what the title is merged across.
    var width: Int { max(1, tables.map(\.columns.count).max() ?? 1) }

    public func data(_ format: SheetFormat) throws -> Data {
        switch format {
        case .xlsx: try workbook().data()
        // A gap is one empty field, so the CSV has the blank line the workbook has (the writer skips a row of none).
        case .csv: try CSVFile.data(layout().map { $0.cells.isEmpty ? [""] : $0.cells.map(\.text) })
        }
    }

    /// The form's rows in order, each with how it reads; the workbook and the CSV file are written from it.
    func layout() -> [(style: XLSXWriter.Style, cells: [SheetCell])] {
        var rows: [(style: XLSXWriter.Style, cells: [SheetCell])] = []
        if let form { rows.append((.subtitle, [.text(form)])) }
        rows.append((.title, [.text(title)]))
        rows += lines.map { (.subtitle, [.text($0)]) }
        for table in tables {
            rows.append((.body, []))
            if let caption = table.caption { rows.append((.total, [.text(caption)])) }
            rows.append((.heading, table.columns.map(SheetCell.text)))
            let first = rows.count + 1
            rows += table.rows.map { (.body, $0) }
            if let total = table.total(firstRow: first) { rows.append((.total, total)) }
        }
        return rows
    }

    func workbook() -> XLSXWriter {
        var sheet = XLSXWriter(sheetName: form ?? title)
        for row in layout() {
            switch row.style {
            case .title, .subtitle:
                if case .text(let text) = row.cells.first { sheet.title(text, across: width, style: row.style) }
            default:
                if row.cells.isEmpty { sheet.gap() } else { sheet.row(cells: row.cells, style: row.style) }
            }
        }
        sheet.width(36, column: 0)
        for column in 1..<max(2, width) { sheet.width(14, column: column) }
        return sheet
    }
}
