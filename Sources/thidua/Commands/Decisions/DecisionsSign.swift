import ArgumentParser

struct DecisionsSign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Ký / Sign (chairman, or KT. by a deputy): numbers it; afterwards it never changes.")
    @OptionGroup var step: DecisionStep
    func run() async throws { try await step.perform("sign") }
}
