import ArgumentParser
import Foundation

/// Which server a client command talks to, as whom, and how it prints.
struct ClientOptions: ParsableArguments {
    @Option(name: .customLong("server"), help: ArgumentHelp(
        "The thidua server's address (env: THIDUA_SERVER; default: the one you logged in to, else http://127.0.0.1:8080).",
        valueName: "url"))
    var server: String?

    @Flag(name: .customLong("json"), help: "Print the server's JSON instead of a table, for scripts.")
    var json = false

    /// A client for the chosen server with the saved (or `THIDUA_TOKEN`) session.
    func client(signedIn: Bool = true) throws -> ServerClient {
        let saved = SavedSession.load()
        let address = server ?? Environment.string("THIDUA_SERVER") ?? saved?.server ?? "http://127.0.0.1:8080"
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--server \(address): không phải địa chỉ http(s) / not an http(s) URL")
        }
        let token = Environment.string("THIDUA_TOKEN") ?? (saved?.server == address ? saved?.token : nil)
        if signedIn, token == nil {
            throw ValidationError("Chưa đăng nhập máy chủ \(address) / not logged in to \(address): run `thidua login`")
        }
        return ServerClient(server: url, token: signedIn ? token : nil)
    }

    /// Prints the reply's JSON as is (`--json`) or runs `table` to print it for people.
    func print(_ reply: ServerClient.Reply, table: () throws -> Void) throws {
        if json {
            FileHandle.standardOutput.write(reply.body)
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            try table()
        }
    }
}
