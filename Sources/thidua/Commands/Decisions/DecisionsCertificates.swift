import ArgumentParser
import Foundation

struct DecisionsCertificates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "In giấy khen / A signed decision's certificates (Giấy khen), one A4 page each (HTML).",
        discussion: """
            One certificate for each person, collective or household the decision commends, with the \
            chairman's title ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when a deputy signed), the decision's number and \
            date, and the register number (the decision and the item's number in it). A draft or returned \
            decision has no certificates yet, and a revoked one none any more (exit code 75). Open the file in a \
            browser and print it (A4 landscape, one page per certificate).

            The secretariat, the chairman and auditors may print them.

            Examples:
              thidua decisions certificates D --output giay-khen.html
              thidua decisions certificates D --json
            """)

    @OptionGroup var client: ClientOptions
    @OptionGroup var destination: PrintOptions
    @Argument(help: "The decision, signed (number such as 2/QĐ-UBND, or id).") var id: String

    func run() async throws {
        do {
            let id = try await Lookup(client: try client.client()).id(.decision, id)
            try await destination.deliver("/api/v1/decisions/\(id.uuidString)/certificates", with: client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
