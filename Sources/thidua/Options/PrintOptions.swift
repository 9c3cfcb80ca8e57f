import ArgumentParser
import Foundation

/// Where a document to print goes: a file (`--output`) or standard output. The server sends the page (HTML
/// for A4, open it in a browser and print), or with `--json` the data it is made from.
struct PrintOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Ghi vào tệp / Write to this file instead of standard output (e.g. bien-ban.html; with --json, the data).",
        valueName: "file"))
    var output: String?

    /// Fetches `path` as HTML, or as JSON when `client.json`, and writes it where asked.
    func deliver(_ path: String, with client: ClientOptions) async throws {
        let reply = try await client.client().send("GET", path, headers: ["Accept": client.json ? "application/json" : "text/html"])
        guard let output else {
            FileHandle.standardOutput.write(reply.body)
            return
        }
        try reply.body.write(to: URL(fileURLWithPath: output))
        Console.line("Đã ghi / written: \(output) (\(reply.body.count) bytes)")
    }
}
