import ArgumentParser
import Foundation

struct NoticesOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Mở / Open a public notice of a nomination for a form that requires one (secretariat).")

    @OptionGroup var client: ClientOptions
    @Argument(help: "The nomination: its nominee's full name (\"Lò Văn Pằng\") or its id.") var nomination: String
    @Option(help: "The form it is proposed for (code; `thidua rules` lists those with a notice).") var form: String
    @Option(help: "Where it is posted: \"Cổng thông tin điện tử huyện\", \"Niêm yết tại trụ sở UBND xã\".") var channel: String
    @Option(help: "The first day it is posted, yyyy-MM-dd.") var from: Day
    @Option(help: "The first day after a longer posting than the law's, yyyy-MM-dd.") var until: Day?

    func run() async throws {
        do {
            var body: [String: Any] = ["form": form, "channel": channel, "startsOn": from.text]
            if let until { body["endsOn"] = until.text }
            let server = try client.client()
            let nomination = try await Lookup(client: server).id(.nomination, nomination).uuidString
            let reply = try await server.send("POST", "/api/v1/nominations/\(nomination)/notices", json: try ServerClient.json(body))
            let notice = try reply.decode(NoticeSummary.self)
            try client.print(reply) { notice.printDetails() }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
