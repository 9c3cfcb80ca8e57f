import Foundation
import Hummingbird
import ThiduaCore

/// Holds on nominees (`/api/v1/holds`): discipline, investigation, inspection or complaint keeps a nominee from
/// any commendation or proposal while in force. The secretariat places and lifts them; it, the chairman and
/// auditors read them. Lifting needs the hold's version (`If-Match` or `version`).
struct HoldRoutes: Sendable {
    let holds: HoldRepository

    struct Place: Decodable {
        var nomineeID: UUID
        var kind: HoldKind
        var startsOn: Date
        var endsOn: Date?
        var basis: String
    }

    struct Lift: Decodable {
        /// The first day the hold no longer applies; today when absent.
        var liftedOn: Date?
        var reason: String
        var version: Int?
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/holds") { request, context in
            guard let nominee = try request.uri.queryParameters.uuid("nominee") else { throw APIError.badParameter("nominee") }
            return APIResponse(try await holds.holds(of: nominee, as: try context.requireActor()))
        }
        router.post("/api/v1/holds") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(Place.self, from: request)
            let hold = try await holds.place(
                body.kind, on: body.nomineeID, from: body.startsOn, until: body.endsOn, basis: body.basis, by: actor)
            return APIResponse(hold, status: .created, version: hold.version)
        }
        router.post("/api/v1/holds/:id/lift") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Lift.self, from: request)
            let hold = try await holds.lift(
                id, version: try EntityTag.requiredVersion(in: request, body: body.version), on: body.liftedOn ?? Date(),
                reason: body.reason, by: actor)
            return APIResponse(hold, version: hold.version)
        }
    }
}
