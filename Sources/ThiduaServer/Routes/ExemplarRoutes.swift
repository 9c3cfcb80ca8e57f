import Foundation
import Hummingbird
import ThiduaCore

/// Exemplars and their follow-up (`/api/v1/exemplars`): a commended nominee taken up as a model by a unit, its
/// evaluations, propagation activities and replications by other units. The following unit's clerk or head, or
/// the secretariat, append them; nothing is changed afterwards.
struct ExemplarRoutes: Sendable {
    let exemplars: ExemplarRepository

    struct Designate: Decodable {
        var commendationRecordID: UUID
        var title: String
        var unitID: UUID
        var designatedOn: Date
    }

    struct Evaluate: Decodable {
        var evaluatedOn: Date
        var period: String
        var effect: String
        var efficiency: String
        var potential: String
        var problems: String?
        var helpGiven: String?
    }

    struct Propagate: Decodable {
        var kind: PropagationKind
        var heldOn: Date
        var audience: String?
        var note: String?
    }

    struct Replicate: Decodable {
        var adoptingUnitID: UUID
        var adoptedOn: Date
        var result: String
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/exemplars") { _, context in
            APIResponse(try await exemplars.exemplars(as: try context.requireActor()))
        }
        router.post("/api/v1/exemplars") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(Designate.self, from: request)
            let exemplar = try await exemplars.designate(
                body.commendationRecordID, title: body.title, followedBy: body.unitID, on: body.designatedOn, by: actor)
            return APIResponse(exemplar, status: .created, location: "/api/v1/exemplars/\(exemplar.id.uuidString)")
        }
        router.get("/api/v1/exemplars/:id") { _, context in
            let file = try await exemplars.history(of: try context.uuid("id"), as: try context.requireActor())
            return APIResponse(ExemplarResponse(
                exemplar: file.exemplar, evaluations: file.evaluations, propagations: file.propagations, replications: file.replications))
        }
        router.post("/api/v1/exemplars/:id/evaluations") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Evaluate.self, from: request)
            return APIResponse(try await exemplars.evaluate(
                id, on: body.evaluatedOn, period: body.period, effect: body.effect, efficiency: body.efficiency,
                potential: body.potential, problems: body.problems, helpGiven: body.helpGiven, by: actor), status: .created)
        }
        router.post("/api/v1/exemplars/:id/propagations") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Propagate.self, from: request)
            return APIResponse(try await exemplars.recordPropagation(
                body.kind, of: id, on: body.heldOn, audience: body.audience, note: body.note, by: actor), status: .created)
        }
        router.post("/api/v1/exemplars/:id/replications") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Replicate.self, from: request)
            return APIResponse(try await exemplars.recordReplication(
                of: id, adoptedBy: body.adoptingUnitID, on: body.adoptedOn, result: body.result, by: actor), status: .created)
        }
    }
}
