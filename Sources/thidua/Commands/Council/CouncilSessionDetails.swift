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

    /// Each item's nominee as a person reads it, asked of the server one nomination at a time (a session holds
    /// tens); one the user may not read keeps its id.
    func nomineeNames(from server: ServerClient) async -> [UUID: String] {
        var names: [UUID: String] = [:]
        for item in items {
            names[item.nominationID] = try? await server.send("GET", "/api/v1/nominations/\(item.nominationID.uuidString)")
                .decode(NominationSummary.self).nomineeName
        }
        return names
    }

    func printDetails(names: [UUID: String]) {
        Console.line("phiên / session   \(id.uuidString.lowercased())  \(title)")
        Console.line("trạng thái / state \(state), phiên bản / version \(version), \(roster.count) thành viên / members")
        for item in items {
            let tally = item.tally.map { " — \($0.approve) đồng ý / approve, \($0.reject) không / reject, \($0.abstain) phiếu trắng / abstain of \($0.eligible)" } ?? ""
            let nominee = names[item.nominationID] ?? item.nominationID.uuidString.lowercased()
            Console.line("  \(nominee)  \(item.outcome ?? "đang xét / open")\(tally)")
        }
    }
}
