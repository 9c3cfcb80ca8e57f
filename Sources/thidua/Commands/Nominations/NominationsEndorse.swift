import ArgumentParser

struct NominationsEndorse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "endorse", abstract: "Xác nhận / Endorse (head of the lead unit).")
    @OptionGroup var step: NominationTransition
    func run() async throws { try await step.perform { _ in "endorse" } }
}
