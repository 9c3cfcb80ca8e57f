import Foundation
import Hummingbird
import ThiduaCore

/// `/duyet`: the review queues of the user — a lead unit's nominations waiting for its endorsement, the
/// secretariat's waiting for verification — so a reviewer works through them in order without opening each
/// record. The steps post to the record's own form (`/ho-so/{id}/buoc`), which comes back here.
struct ReviewQueuePage: Sendable {
    /// More than a district sends in a round; a province-wide queue would need paging.
    static let limit = 1000

    let store: RecordStore

    private struct View {
        var csrf: String
        var queues: [ReviewQueueView]
        var none: Bool
        var movements: [Option]
    }

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/duyet") { request, context in
            let actor = context.actor
            let queues = Policy.reviewQueues(of: actor)
            let movementID = request.uri.queryParameters["phong-trao"].flatMap { UUID(uuidString: String($0)) }
            let names = try await CatalogueNames.load(store, as: actor)
            let nominations = queues.isEmpty ? [] : try await NominationRepository(store: store).list(
                NominationFilter(movementID: movementID, states: queues.map(\.waitingState), limit: Self.limit), as: actor)
            let documents = try await AttachmentRepository(store: store).kinds(of: nominations.map(\.id), as: actor)
            let view = View(
                csrf: context.csrfToken,
                queues: queues.map { ReviewQueueView($0, nominations: nominations, actor: actor, names: names, documents: documents) },
                none: queues.isEmpty,
                movements: [Option(value: "", label: "Mọi phong trào", selected: movementID == nil)]
                    + names.movementList.filter { movement in
                        queues.contains(.secretariat) || actor.leadMovements.contains(movement.id)
                    }.map { Option(value: $0.id.uuidString.lowercased(), label: $0.name, selected: $0.id == movementID) })
            let shell = try await PageShell.load(context, users: UserRepository(store: store), path: request.uri.path)
            return HTMLPage("Duyệt hồ sơ", template: "review-queue", view: view, shell: shell, flash: Flash.message(request))
        }
    }
}
