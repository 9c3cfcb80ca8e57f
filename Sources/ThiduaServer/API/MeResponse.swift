import Foundation
import ThiduaCore

/// `GET /api/v1/me`: the signed-in user as the policy sees them.
struct MeResponse: Encodable, Sendable {
    struct Delegation: Encodable, Sendable {
        var role: Role
        var onBehalfOf: UUID
    }

    var userID: UUID
    var unitID: UUID
    var unitKind: UnitKind
    var areaID: String
    var roles: [Role]
    var delegated: [Delegation]
    var leadMovements: [UUID]

    init(_ actor: Actor) {
        userID = actor.userID
        unitID = actor.unitID
        unitKind = actor.unitKind
        areaID = actor.areaID
        roles = actor.roles.sorted { $0.rawValue < $1.rawValue }
        delegated = actor.delegated.map { Delegation(role: $0.key, onBehalfOf: $0.value) }.sorted { $0.role.rawValue < $1.role.rawValue }
        leadMovements = actor.leadMovements.sorted { $0.uuidString < $1.uuidString }
    }
}
