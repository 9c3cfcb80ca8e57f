import ArgumentParser

struct NominationsVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Thẩm định / Verify (secretariat).")
    @OptionGroup var step: NominationTransition
    func run() async throws { try await step.perform { _ in "verify" } }
}
