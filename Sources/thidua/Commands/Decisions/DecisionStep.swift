import ArgumentParser
import Foundation

/// What signing and sending back share: the decision, the version read, sending the step.
struct DecisionStep: ParsableArguments {
    @OptionGroup var client: ClientOptions
    @Argument(help: "The decision (id).") var id: String
    @Option(help: "The version you read; without it, the current one.") var version: Int?

    func perform(_ step: String, body extra: [String: Any] = [:]) async throws {
        do {
            let server = try client.client()
            var expected = version
            if expected == nil { expected = try await server.send("GET", "/api/v1/decisions/\(id)").decode(DecisionDetails.self).version }
            let body = extra.merging(["version": expected ?? 0]) { $1 }
            let reply = try await server.send("POST", "/api/v1/decisions/\(id)/\(step)", json: try ServerClient.json(body))
            let decision = try reply.decode(DecisionDetails.self)
            try client.print(reply) { decision.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
