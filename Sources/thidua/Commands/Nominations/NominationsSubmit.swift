import ArgumentParser

struct NominationsSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Gửi / Submit (unit head).")
    @OptionGroup var step: NominationTransition
    func run() async throws { try await step.perform { _ in "submit" } }
}
