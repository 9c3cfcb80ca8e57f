import Foundation

/// What the command line prints of a council session.
struct CouncilSessionDetails: Decodable {
    struct Item: Decodable {
        struct Tally: Decodable {
            struct Written: Decodable { var approve: Int; var reject: Int; var abstain: Int }
            var members: Int
            var recused: Int
            var approve: Int
            var reject: Int
            var abstain: Int
            var written: Written
        }
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
            let tally = item.tally.map { tally in
                let written = tally.written.approve + tally.written.reject + tally.written.abstain == 0 ? ""
                    : "; bằng văn bản / in writing \(tally.written.approve) đồng ý / approve, \(tally.written.reject) không / reject, "
                        + "\(tally.written.abstain) phiếu trắng / abstain"
                return " — \(tally.approve) đồng ý / approve, \(tally.reject) không / reject, \(tally.abstain) phiếu trắng / abstain"
                    + "\(written); \(tally.members) thành viên / members, \(tally.recused) rút khỏi xét / recused"
            } ?? ""
            let nominee = names[item.nominationID] ?? item.nominationID.uuidString.lowercased()
            Console.line("  \(nominee)  \(item.outcome ?? "đang xét / open")\(tally)")
        }
    }
}
