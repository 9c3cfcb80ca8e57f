import ArgumentParser

struct NominationsReturn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Trả lại / Send back for revision, with a reason (lead unit when submitted, secretariat when endorsed).")
    @OptionGroup var step: NominationTransition
    @Option(help: "Why, for the unit that fixes it.") var reason: String

    func run() async throws {
        try await step.perform({ $0.state == "endorsed" ? "return_by_secretariat" : "return_by_lead_unit" }, reason: reason)
    }
}
