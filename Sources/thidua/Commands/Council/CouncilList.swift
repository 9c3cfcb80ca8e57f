import ArgumentParser
import Foundation

struct CouncilList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Danh sách phiên họp / The council sessions you may see, open ones first.",
        discussion: """
            For a member seated on an open session, it says how many nominations still wait for your vote.

            Example:
              thidua council list
            """)

    @OptionGroup var client: ClientOptions

    struct Session: Decodable {
        var id: UUID
        var title: String
        var state: String
        var openedAt: Date
        var itemCount: Int
        var seated: Bool
        var awaitingVote: Int
    }

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/council/sessions")
            let sessions = try reply.decode([Session].self)
            try client.print(reply) {
                if sessions.isEmpty { Console.line("Không có phiên họp nào / no sessions") }
                for session in sessions {
                    let state = session.state == "open" ? "đang họp / open" : "đã đóng / closed"
                    let waiting = session.seated && session.awaitingVote > 0
                        ? ", \(session.awaitingVote) chờ phiếu của bạn / await your vote" : ""
                    Console.line("\(session.id.uuidString.lowercased())  \(state)  \(session.itemCount) hồ sơ / items\(waiting)  \(session.title)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
