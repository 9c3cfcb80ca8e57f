import ArgumentParser

struct NominationsWithdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Rút / Withdraw (unit head).")
    @OptionGroup var step: NominationTransition
    func run() async throws { try await step.perform { _ in "withdraw" } }
}
