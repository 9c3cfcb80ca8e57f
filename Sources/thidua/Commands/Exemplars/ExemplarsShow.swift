import ArgumentParser

struct ExemplarsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Chi tiết / An exemplar with its evaluations, propagation and replications, oldest first.")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The exemplar (id; see `thidua exemplars list`).") var id: String

    struct File: Decodable {
        struct Evaluation: Decodable { var evaluatedOn: String; var period: String; var effect: String }
        struct Propagation: Decodable { var heldOn: String; var kind: String; var audience: String? }
        struct Replication: Decodable { var adoptedOn: String; var adoptingUnitID: String; var result: String }
        var exemplar: ExemplarSummary
        var evaluations: [Evaluation]
        var propagations: [Propagation]
        var replications: [Replication]
    }

    func run() async throws {
        do {
            let reply = try await client.client().send("GET", "/api/v1/exemplars/\(id)")
            let file = try reply.decode(File.self)
            try client.print(reply) {
                file.exemplar.printLine()
                Console.line("Đánh giá / Evaluations (\(file.evaluations.count)):")
                file.evaluations.forEach { Console.line("  \($0.evaluatedOn.day)  \($0.period): \($0.effect)") }
                Console.line("Tuyên truyền / Propagation (\(file.propagations.count)):")
                file.propagations.forEach { Console.line("  \($0.heldOn.day)  \($0.kind)  \($0.audience ?? "")") }
                Console.line("Nhân rộng / Replications (\(file.replications.count)):")
                file.replications.forEach { Console.line("  \($0.adoptedOn.day)  \($0.adoptingUnitID.lowercased()): \($0.result)") }
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
