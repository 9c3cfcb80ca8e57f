import Foundation

/// A list as a file: its first row the header (bold and kept in view in Excel), the rest its records. What the
/// nominations and decisions exports write, so every list downloads the same way.
public struct ListFile: Sendable {
    public var sheetName: String
    /// The header first.
    public var rows: [[SheetCell]]

    public init(sheetName: String, rows: [[SheetCell]]) {
        self.sheetName = sheetName
        self.rows = rows
    }

    public func data(_ format: SheetFormat) throws -> Data {
        switch format {
        case .csv:
            return try CSVFile.data(rows.map { $0.map(\.text) })
        case .xlsx:
            var workbook = XLSXWriter(sheetName: sheetName)
            for (index, row) in rows.enumerated() {
                workbook.row(cells: row, style: index == 0 ? .heading : .body)
            }
            workbook.frozenRows = rows.isEmpty ? 0 : 1
            return try workbook.data()
        }
    }
}
