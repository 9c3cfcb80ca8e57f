import ArgumentParser
import Foundation

struct CouncilOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Mở phiên họp / Open a session over verified nominations (secretariat).")

    @OptionGroup var client: ClientOptions
    @Option(help: "The round (code, as `thidua rounds list` prints it, or id).") var round: String
    @Option(help: "The session's title.") var title: String
    @Option(help: "A rule other than the round's (code, as GET /api/v1/council/rules gives it, or id).") var rule: String?
    @Option(parsing: .upToNextOption, help: "Members excused at opening (usernames or ids): absent, still counted among all members; they vote in writing with `council vote` where the rule allows it.") var excused: [String] = []
    @Argument(help: "The verified nominations (each its nominee's full name or its id).") var nominations: [String]

    func run() async throws {
        do {
            let server = try client.client()
            let lookup = Lookup(client: server)
            let round = try await lookup.id(.round, round)
            var excusedIDs: [String] = []
            for member in excused { excusedIDs.append(try await lookup.id(.user, member).uuidString) }
            var nominationIDs: [String] = []
            for nomination in nominations { nominationIDs.append(try await lookup.id(.nomination, nomination).uuidString) }
            var body: [String: Any] = ["roundID": round.uuidString, "title": title, "nominations": nominationIDs, "excused": excusedIDs]
            if let rule = try await lookup.idIfGiven(.rule, rule) { body["ruleID"] = rule.uuidString }
            let reply = try await server.send("POST", "/api/v1/council/sessions", json: try ServerClient.json(body))
            let session = try reply.decode(CouncilSessionDetails.self)
            let names = client.json ? [:] : await session.nomineeNames(from: server)
            try client.print(reply) { session.printDetails(names: names) }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
