import Foundation

/// What the command line prints of a council session.
struct CouncilSessionDetails: Decodable {
    struct Item: Decodable {
        struct Tally: Decodable { var eligible: Int; var approve: Int; var reject: Int; var abstain: Int }
        var nominationID: UUID
        var outcome: String?
        var tally: Tally?
    }

    var id: UUID
    var title: String
    var state: String
    var version: Int
    var roster: [Roster]
    var items: [Item]

    struct Roster: Decodable { var memberID: UUID }

    func printDetails() {
        Console.line("phiên / session   \(id.uuidString.lowercased())  \(title)")
        Console.line("trạng thái / state \(state), phiên bản / version \(version), \(roster.count) thành viên / members")
        for item in items {
            let tally = item.tally.map { " — \($0.approve) đồng ý / approve, \($0.reject) không / reject, \($0.abstain) phiếu trắng / abstain of \($0.eligible)" } ?? ""
            Console.line("  \(item.nominationID.uuidString.lowercased())  \(item.outcome ?? "đang xét / open")\(tally)")
        }
    }
}
