import ArgumentParser

struct DecisionsSendBack: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "send-back", abstract: "Trả lại dự thảo / Send a draft back to the secretariat, with a reason.")
    @OptionGroup var step: DecisionStep
    @Option(help: "Why.") var reason: String
    func run() async throws { try await step.perform("send-back", body: ["reason": reason]) }
}
