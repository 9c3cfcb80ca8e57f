import Foundation
import ThiduaCore

/// A user as the users commands print it: the account `GET /api/v1/users/{id}` answers.
extension UserAccount {
    func printDetails() {
        Console.line("\(id.uuidString.lowercased())  \(fullName) (\(username))  [v\(version)]")
        Console.line("  đơn vị / unit \(unitID.uuidString.lowercased())  " + (active ? "đang hoạt động / active" : "đã khóa / disabled"))
        Console.line("  vai trò / roles: " + (roles.isEmpty ? "—" : roles.map(\.rawValue).joined(separator: ", ")))
    }

    /// Fetches `user` and prints it: the server's JSON with `--json`, else for people. The commands that change a
    /// user (their routes answer 204) call it after the change with `--json`, so a script reads the user as it is now.
    static func show(_ user: String, from server: ServerClient, _ options: ClientOptions) async throws {
        let reply = try await server.send("GET", "/api/v1/users/\(user)")
        let account = try reply.decode(UserAccount.self)
        try options.print(reply) { account.printDetails() }
    }

    /// After a change: with `--json` the user as ``show(_:from:_:)`` prints it, else the sentence `done`.
    static func changed(_ user: String, done: String, on server: ServerClient, _ options: ClientOptions) async throws {
        if options.json {
            try await show(user, from: server, options)
        } else {
            Console.line(done)
        }
    }
}
