import Foundation

/// What the command line prints of a decision.
struct DecisionDetails: Decodable {
    struct Series: Decodable { var suffix: String }
    struct Item: Decodable { var nomineeName: String; var form: String; var removed: Bool }

    var id: UUID
    var subject: String
    var state: String
    var version: Int
    var number: Int?
    var series: Series
    var items: [Item]

    func printDetails() {
        Console.line("quyết định / decision  \(id.uuidString.lowercased())  \(number.map { "\($0)/\(series.suffix)" } ?? "(chưa có số / not numbered)")")
        Console.line("trích yếu / subject    \(subject)")
        Console.line("trạng thái / state     \(state), phiên bản / version \(version)")
        for item in items where !item.removed { Console.line("  \(item.nomineeName): \(item.form)") }
    }
}
