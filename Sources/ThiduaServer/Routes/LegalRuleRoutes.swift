import Foundation
import Hummingbird
import ThiduaCore

/// The law as data (`/api/v1/legal-rules`), read-only. One document rather than a route per table: a provincial
/// integrator mirrors the whole rule book (a few dozen dated rows) to judge records by the rules of their date,
/// and one response read in one transaction cannot be torn by an administrator's change between two requests;
/// it caches and compares as a whole.
struct LegalRuleRoutes: Sendable {
    let rules: LegalRules

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/legal-rules") { _, context in
            APIResponse(try await rules.book(as: try context.requireActor()))
        }
    }
}
