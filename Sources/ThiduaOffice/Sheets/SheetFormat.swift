/// The two files a list or a report downloads as: an Excel workbook, or CSV (UTF-8 with a byte-order mark).
public enum SheetFormat: String, Sendable, CaseIterable {
    case csv, xlsx

    public var mediaType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
