import ArgumentParser
import Foundation

struct DecisionsDraft: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "draft", abstract: "Dự thảo / Draft a decision from approved nominations (secretariat).")

    @OptionGroup var client: ClientOptions
    @Option(help: "The register (code, as GET /api/v1/decision-series gives it, such as qd-ubnd-huyen, or id).") var series: String
    @Option(help: "The date it will bear, yyyy-MM-dd.") var date: Day
    @Option(help: "Trích yếu: what it is about.") var subject: String
    @Option(help: "A legal basis (repeatable), as it reads in the document.") var basis: [String] = []
    @Option(help: "NOMINATION=FORM[:TYPE] (repeatable): the nominee's full name or the nomination's id, the form's code; TYPE defaults to by_movement.") var item: [String] = []
    @Option(help: "For a proposal upward: the level that confers (province_chairman, …).") var proposalTo: String?

    func validate() throws {
        guard !item.isEmpty, item.allSatisfy({ $0.contains("=") }) else {
            throw ValidationError("Cần ít nhất một --item NOMINATION=FORM / at least one --item NOMINATION=FORM")
        }
    }

    func run() async throws {
        do {
            let server = try client.client()
            let lookup = Lookup(client: server)
            var items: [[String: String]] = []
            for entry in item {
                // The last "=" parts the nominee's name from the form, whose code has none.
                let split = entry.lastIndex(of: "=")!
                let form = entry[entry.index(after: split)...].split(separator: ":", maxSplits: 1).map(String.init)
                let nomination = try await lookup.id(.nomination, String(entry[..<split]))
                items.append(["nominationID": nomination.uuidString, "form": form[0], "type": form.count > 1 ? form[1] : "by_movement"])
            }
            var body: [String: Any] = [
                "seriesID": try await lookup.id(.series, series).uuidString, "decidedOn": date.text, "subject": subject, "legalBases": basis, "items": items,
            ]
            if let proposalTo { body["proposalTo"] = proposalTo }
            let reply = try await server.send("POST", "/api/v1/decisions", json: try ServerClient.json(body))
            let decision = try reply.decode(DecisionDetails.self)
            try client.print(reply) { decision.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
