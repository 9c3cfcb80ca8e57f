import ArgumentParser
import Foundation

struct CouncilMinutes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Biên bản phiên họp / The session's minutes, ready to print (HTML, A4).",
        discussion: """
            The minutes name the council, the session and its times, the voting rule in words, who sat and who \
            was present, and for each nomination its tally, recusals and conclusion. Under an open ballot each \
            member's vote is listed; under a secret ballot only the counts. While the session is open the minutes \
            are a draft, marked "DỰ THẢO", without tallies. Open the file in a browser and print it (A4).

            The secretariat, council members, the chairman and auditors may read them.

            Examples:
              thidua council minutes S --output bien-ban.html
              thidua council minutes S --json > bien-ban.json
            """)

    @OptionGroup var client: ClientOptions
    @OptionGroup var destination: PrintOptions
    @Argument(help: "The session: its title, as `thidua council list` prints it, or its id.") var session: String

    func run() async throws {
        do {
            let session = try await Lookup(client: try client.client()).id(.session, session).uuidString
            try await destination.deliver("/api/v1/council/sessions/\(session)/minutes", with: client)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
