import Hummingbird
import ThiduaCore

/// The auditors' pages under `/kiem-tra` (issue 16 item 3), signed in as every page (``SignedInContext``):
/// the search of the trail, a nomination's timeline with its content at a moment and its printed extract, and
/// the verification of the whole chain, which needs the `thidua_verifier` login's URL and keeps the checks it
/// runs in this server's memory.
struct AuditPages: Sendable {
    let store: RecordStore
    let verifierURL: String?
    let checks = AuditChainChecks()

    func add(to router: Router<ThiduaRequestContext>) {
        let signedIn = router.group(context: SignedInContext.self)
        AuditSearchPage(store: store).add(to: signedIn)
        AuditTimelinePage(store: store).add(to: signedIn)
        AuditChainPage(store: store, verifierURL: verifierURL, checks: checks).add(to: signedIn)
    }
}
