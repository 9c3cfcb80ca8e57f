import Foundation

/// The fields of a nomination the command line prints.
struct NominationSummary: Decodable {
    var id: UUID
    var nomineeName: String
    var nomineeKind: String
    var state: String
    var version: Int
    var returnCount: Int
    var unitID: UUID
    var title: String

    /// One line: id, state, version, name.
    var line: String {
        "\(id.uuidString.lowercased())  \(state.padding(toLength: 22, withPad: " ", startingAt: 0)) v\(version)  \(nomineeName)"
    }

    func printDetails() {
        Console.line("mã / id              \(id.uuidString.lowercased())")
        Console.line("đối tượng / nominee  \(nomineeName) (\(nomineeKind))")
        Console.line("danh hiệu / title    \(title)")
        Console.line("trạng thái / state   \(state), phiên bản / version \(version), trả lại / returned \(returnCount)×")
        Console.line("đơn vị / unit        \(unitID.uuidString.lowercased())")
    }
}
