import Foundation

/// A public notice as the notices commands print it.
struct NoticeSummary: Decodable {
    struct Objection: Decodable { var kind: String; var objector: String; var content: String; var receivedOn: String }
    var id: UUID
    var nominationID: UUID
    var formCode: String
    var channel: String
    var startsOn: String
    var endsOn: String
    var outcome: String?
    var version: Int
    var objections: [Objection]

    func printDetails() {
        Console.line("\(id.uuidString.lowercased())  hồ sơ / nomination \(nominationID.uuidString.lowercased())  \(formCode)  [v\(version)]")
        Console.line("  \(channel): \(startsOn.day) → hết ngày trước / through the day before \(endsOn.day)  "
            + (outcome.map { "đã kết thúc / closed: \($0)" } ?? "đang công khai / running"))
        for objection in objections {
            Console.line("  \(objection.receivedOn.day)  \(objection.kind)  \(objection.objector): \(objection.content)")
        }
    }
}
