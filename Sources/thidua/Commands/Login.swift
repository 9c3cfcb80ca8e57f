import ArgumentParser
import Foundation

struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Đăng nhập máy chủ / Sign in to a thidua server and keep the session for later commands.",
        discussion: """
            The password is read from THIDUA_PASSWORD, else from standard input (one line; nothing is echoed \
            to the terminal when it is one). The session token is kept in ~/.config/thidua/session.json \
            (THIDUA_SESSION_FILE), readable only by you, until it expires or you run `thidua logout`.

            Example:
              thidua login --server http://127.0.0.1:8080 --username sinchai.canbo
            """)

    @OptionGroup var client: ClientOptions
    @Option(help: ArgumentHelp("Your username (env: THIDUA_USERNAME).", valueName: "name"))
    var username: String?

    func run() async throws {
        do {
            guard let username = username ?? Environment.string("THIDUA_USERNAME") else {
                throw ValidationError("Thiếu --username / --username is required")
            }
            let password = try Environment.string("THIDUA_PASSWORD") ?? Self.readPassword()
            let server = try client.client(signedIn: false)
            let reply = try await server.send("POST", "/api/v1/sessions", json: try ServerClient.json(["username": username, "password": password]))
            struct Session: Decodable { var token: String; var expiresAt: Date }
            let session = try reply.decode(Session.self)
            try SavedSession(server: server.server.absoluteString, token: session.token, username: username, expiresAt: session.expiresAt).save()
            try client.print(reply) {
                Console.line("Đã đăng nhập / signed in as \(username) at \(server.server.absoluteString), until \(session.expiresAt)")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }

    static func readPassword() throws -> String {
        if isatty(STDIN_FILENO) == 1, let typed = getpass("Mật khẩu / password: ") { return String(cString: typed) }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw ValidationError("Không đọc được mật khẩu / no password on standard input or in THIDUA_PASSWORD")
        }
        return line
    }
}
