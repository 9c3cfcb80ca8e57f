import ArgumentParser
import Foundation

struct Logout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Đăng xuất / End the saved session on the server and forget it.")

    @OptionGroup var client: ClientOptions

    func run() async throws {
        do {
            try await client.client().send("DELETE", "/api/v1/sessions/current")
        } catch let error as ServerError where error.status == 401 {
            // Already ended on the server: forgetting it here is all that is left.
        } catch {
            SavedSession.remove()
            throw CommandFailure.exit(for: error)
        }
        SavedSession.remove()
        Console.line("Đã đăng xuất / signed out")
    }
}
