import ArgumentParser
import Foundation
import ThiduaCore

struct DecisionsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Danh sách quyết định / The decisions you may see, by number once signed.",
        discussion: """
            Example:
              thidua decisions list --state draft --state returned
            """)

    @OptionGroup var client: ClientOptions
    @Option(name: .customLong("state"), help: "Only decisions in this state (repeatable): draft, returned, signed, revoked.")
    var states: [DecisionState] = []

    func run() async throws {
        do {
            let state = states.isEmpty ? nil : states.map(\.rawValue).joined(separator: ",")
            let reply = try await client.client().send("GET", "/api/v1/decisions", query: ["state": state])
            let decisions = try reply.decode([DecisionSummary].self)
            try client.print(reply) {
                if decisions.isEmpty { Console.line("Không có quyết định nào / no decisions") }
                for decision in decisions {
                    let symbol = decision.symbol ?? "(dự thảo / draft \(decision.id.uuidString.lowercased()))"
                    Console.line("\(symbol)  \(decision.state.rawValue)  \(decision.itemCount) người / items  \(decision.subject)")
                }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}

extension DecisionState: ExpressibleByArgument {}
