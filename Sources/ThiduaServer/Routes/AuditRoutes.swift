import Foundation
import Hummingbird
import ThiduaCore

/// Reading the audit trail: a record's history, a nomination as it was at a moment, what one user did.
/// Row-level security shows each reader the history of what they may read. Auditors also recompute the whole
/// chain, one verification at a time per server (it reads the whole trail).
struct AuditRoutes: Sendable {
    let audit: AuditTrail
    let verifierURL: String?
    let verification = SingleFlight()

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/audit/records/:type/:id") { _, context in
            guard let type = context.parameters.get("type"), var id = context.parameters.get("id") else { throw APIError.noRoute }
            // The trail keys records by their id as PostgreSQL prints it: UUIDs in lower case.
            if let uuid = UUID(uuidString: id) { id = uuid.uuidString.lowercased() }
            return APIResponse(try await audit.history(of: type, id: id, as: try context.requireActor()))
        }
        router.get("/api/v1/audit/users/:id") { request, context in
            let query = request.uri.queryParameters
            let end = try query.date("to") ?? Date()
            let start = try query.date("from") ?? end.addingTimeInterval(-30 * 86_400)
            return APIResponse(try await audit.actions(of: try context.uuid("id"), from: start, to: end, as: try context.requireActor()))
        }
        router.get("/api/v1/audit/verification") { request, context in
            let actor = try context.requireActor()
            try AuditTrail.permitVerification(by: actor)
            var root: AuditExpectedRoot?
            if let text = request.uri.queryParameters["expectRoot"] {
                guard let parsed = AuditExpectedRoot(parsing: String(text)) else { throw APIError.badParameter("expectRoot") }
                root = parsed
            }
            let result = try await verification.run(orThrow: APIError.verificationRunning) {
                try await AuditTrail.verifyChain(connectingTo: verifierURL, expecting: root, as: actor)
            }
            return APIResponse(AuditVerificationResponse(result))
        }
        router.get("/api/v1/nominations/:id/as-of") { request, context in
            guard let moment = try request.uri.queryParameters.date("at") else { throw APIError.badParameter("at") }
            guard let nomination = try await audit.nomination(try context.uuid("id"), asOf: moment, as: try context.requireActor()) else {
                throw ThiduaError.notFound("hồ sơ đề nghị tại thời điểm đó / nomination at that moment")
            }
            return APIResponse(nomination, version: nomination.version)
        }
    }
}
