import Foundation

/// A hold as the holds commands print it.
struct HoldSummary: Decodable {
    var id: UUID
    var kind: String
    var startsOn: String
    var endsOn: String?
    var basis: String
    var liftedOn: String?
    var liftReason: String?
    var version: Int

    func printLine() {
        let until = liftedOn.map { "gỡ / lifted \($0.day) (\(liftReason ?? ""))" } ?? endsOn.map { "đến / until \($0.day)" } ?? "đang áp dụng / in force"
        Console.line("\(id.uuidString.lowercased())  \(kind)  từ / from \(startsOn.day)  \(until)  — \(basis)  [v\(version)]")
    }
}
