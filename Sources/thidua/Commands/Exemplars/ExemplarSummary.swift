import Foundation

/// An exemplar as the exemplars commands print it.
struct ExemplarSummary: Decodable {
    var id: UUID
    var title: String
    var nomineeName: String
    var unitID: UUID
    var designatedOn: String

    func printLine() {
        Console.line("\(id.uuidString.lowercased())  \(nomineeName) — \(title)  (từ / since \(designatedOn.day))")
    }
}
