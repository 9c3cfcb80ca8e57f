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
        try Self.write(reply.body, to: output)
    }

    /// Writes `bytes` to `output` whole or not at all (a reader never sees half a file), saying so; to standard
    /// output without one. Every command with `--output` writes through here.
    static func write(_ bytes: Data, to output: String?) throws {
        guard let output else {
            FileHandle.standardOutput.write(bytes)
            return
        }
        try bytes.write(to: URL(fileURLWithPath: output), options: .atomic)
        Console.line("Đã ghi / written: \(output) (\(bytes.count) bytes)")
    }
}
