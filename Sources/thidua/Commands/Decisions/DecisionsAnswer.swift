import ArgumentParser
import ThiduaCore
import Foundation

struct DecisionsAnswer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Kết quả đề nghị cấp trên / Record the higher level's answer to one item of a signed proposal (secretariat).",
        discussion: """
            granted: the higher level conferred it by its own decision (--reference), which becomes the nominee's \
            commendation record; refused: the achievement is free again. `thidua decisions show P` lists the items.

            Example:
              thidua decisions answer P ITEM granted \\
                  --reference "1234/QĐ-UBND ngày 10/01/2025" --date 2025-01-10
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "The proposal (number such as 3/TTr-UBND, or id).") var id: String
    @Argument(help: "The item of the proposal (id).") var item: String
    @Argument(help: "granted or refused.") var answer: ProposalAnswer
    @Option(help: "The higher level's document: number and date.") var reference: String
    @Option(help: "The day of the answer, yyyy-MM-dd.") var date: Day

    func run() async throws {
        do {
            let body: [String: Any] = ["answer": answer.rawValue, "reference": reference, "answeredOn": date.text]
            let server = try client.client()
            let id = try await Lookup(client: server).id(.decision, id)
            let reply = try await server.send("POST", "/api/v1/decisions/\(id.uuidString)/items/\(item)/answer", json: try ServerClient.json(body))
            let proposal = try reply.decode(DecisionDetails.self)
            try client.print(reply) { proposal.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}

extension ProposalAnswer: ExpressibleByArgument {}
