import Foundation
import Hummingbird
import ThiduaCore

/// The page each user lands on: what waits on them, by their roles.
struct HomePage: Sendable {
    let store: RecordStore

    private struct View {
        var greeting: String
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/") { request, context in
            let users = UserRepository(store: store)
            let shell = try await PageShell.load(context, users: users, path: request.uri.path)
            return HTMLPage("Trang chủ", template: "home", view: View(greeting: shell.fullName), shell: shell,
                            flash: Flash.message(request))
        }
    }
}
