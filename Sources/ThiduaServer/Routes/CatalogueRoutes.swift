import Foundation
import Hummingbird
import ThiduaCore

/// The catalogue a form needs (units, movements with their units and minimums), a round's compliance table,
/// and the deadline exceptions the secretariat grants a late unit.
struct CatalogueRoutes: Sendable {
    let units: UnitRepository
    let movements: MovementRepository
    let rounds: RoundRepository

    struct DeadlineExceptionRequest: Decodable {
        var unit: UUID
        var until: Date
        var reason: String
    }

    struct Created: Encodable, Sendable {
        var id: UUID
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/units") { request, context in
            let day = request.uri.queryParameters["on"].map(String.init)
            if let day, day.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil { throw APIError.badParameter("on") }
            return APIResponse(try await units.list(existingOn: day, as: try context.requireActor()))
        }
        router.get("/api/v1/movements") { _, context in
            APIResponse(try await movements.list(as: try context.requireActor()))
        }
        router.get("/api/v1/movements/:id") { _, context in
            APIResponse(try await movements.details(try context.uuid("id"), as: try context.requireActor()))
        }
        router.get("/api/v1/rounds") { _, context in
            APIResponse(try await rounds.list(as: try context.requireActor()))
        }
        router.post("/api/v1/rounds/:id/deadline-exceptions") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(DeadlineExceptionRequest.self, from: request)
            let id = try await rounds.grantDeadlineException(
                round: try context.uuid("id"), unit: body.unit, until: body.until, reason: body.reason, by: actor)
            return APIResponse(Created(id: id), status: .created)
        }
        router.get("/api/v1/rounds/:id/compliance") { _, context in
            APIResponse(ComplianceResponse(try await rounds.compliance(round: try context.uuid("id"), as: try context.requireActor())))
        }
    }
}
