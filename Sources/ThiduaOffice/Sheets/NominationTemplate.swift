import Foundation
import ThiduaCore

/// The template a unit fills in to import its nominations (``NominationImport``), and the reading of a filled one:
/// its header the columns' Vietnamese headings (the command line's English keys are read too), then one row per
/// nomination. An XLSX file (a ZIP archive, by its first bytes) is read by its first sheet; anything else as CSV
/// (UTF-8, with or without a BOM), whatever the file is called.
public enum NominationTemplate {
    /// A file that cannot be read as a template, said in Vietnamese and English.
    public struct Unreadable: Error, Sendable {
        public var vietnamese: String
        public var english: String
    }

    public static func file(_ format: SheetFormat) throws -> Data {
        try ListFile(sheetName: "Danh sách đề nghị", rows: [NominationImport.columns.map { .text($0.heading) }]).data(format)
    }

    public static func rows(from data: Data) throws(Unreadable) -> [NominationImport.Row] {
        let table: [(line: Int, fields: [String])]
        do {
            if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                table = try XLSXReader.rows(data)
            } else {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw Unreadable(vietnamese: "Tệp CSV phải là văn bản UTF-8.", english: "A CSV file must be UTF-8 text.")
                }
                table = try CSVFile.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
            }
        } catch let error as Unreadable {
            throw error
        } catch {
            throw Unreadable(vietnamese: "Không đọc được tệp: hãy dùng mẫu Excel hoặc CSV tải từ trang này.",
                             english: "The file cannot be read: use the Excel or CSV template of this page.")
        }
        guard let header = table.first else {
            throw Unreadable(vietnamese: "Tệp trống.", english: "The file is empty.")
        }
        // Each column's place by its heading (or key), in any order.
        let headings = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var place: [String: Int] = [:]
        for column in NominationImport.columns {
            if let index = headings.firstIndex(where: { $0 == column.heading.lowercased() || $0 == column.key }) { place[column.key] = index }
        }
        let missing = NominationImport.columns.prefix(4).filter { place[$0.key] == nil }.map(\.heading)
        guard missing.isEmpty else {
            throw Unreadable(vietnamese: "Dòng tiêu đề thiếu cột: \(missing.joined(separator: ", ")). Hãy dùng mẫu của trang này.",
                             english: "The header lacks the columns \(missing.joined(separator: ", ")). Use this page's template.")
        }
        return table.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }.map { row in
            func field(_ key: String) -> String {
                place[key].flatMap { row.fields.indices.contains($0) ? row.fields[$0] : nil }?.trimmingCharacters(in: .whitespaces) ?? ""
            }
            return NominationImport.Row(line: row.line, round: field("round"), movement: field("movement"), kind: field("kind"),
                                        name: field("name"), title: field("title"), achievements: field("achievements"))
        }
    }
}
