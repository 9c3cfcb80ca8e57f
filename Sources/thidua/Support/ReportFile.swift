import Foundation
import ThiduaOffice

/// A report written as its form (``ReportForm``, the same builder as the report's page and its downloads): an
/// Excel workbook for an output ending in `.xlsx`, else CSV in UTF-8 with a byte-order mark.
enum ReportFile {
    /// The signed-in user's unit by name, the form's "Đơn vị báo cáo".
    static func reporter(_ server: ServerClient) async throws -> String {
        struct Me: Decodable { var unitID: UUID }
        struct Unit: Decodable { var id: UUID; var name: String }
        let me = try await server.send("GET", "/api/v1/me").decode(Me.self)
        return try await server.send("GET", "/api/v1/units").decode([Unit].self).first { $0.id == me.unitID }?.name ?? ""
    }

    static func write(_ form: ReportForm, to output: String) throws {
        try PrintOptions.write(try form.data(output.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv), to: output)
    }
}
