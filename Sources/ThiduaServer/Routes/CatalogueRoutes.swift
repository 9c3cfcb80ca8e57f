import Foundation
import Hummingbird
import ThiduaCore

/// The catalogue a form needs (units, movements) and a round's compliance table.
struct CatalogueRoutes: Sendable {
    let units: UnitRepository
    let movements: MovementRepository
    let rounds: RoundRepository

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
            APIResponse(try await movements.get(try context.uuid("id"), as: try context.requireActor()))
        }
        router.get("/api/v1/rounds") { _, context in
            APIResponse(try await rounds.list(as: try context.requireActor()))
        }
        router.get("/api/v1/rounds/:id/compliance") { _, context in
            APIResponse(ComplianceResponse(try await rounds.compliance(round: try context.uuid("id"), as: try context.requireActor())))
        }
    }
}
