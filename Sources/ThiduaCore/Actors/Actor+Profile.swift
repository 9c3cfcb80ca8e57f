import Foundation
import Postgres

extension Actor {
    /// The columns of a profile row, as ``init(profile:userID:requestID:)`` reads them.
    static let profileColumns: StaticString = "unit_id, unit_kind, area_id, own_roles, delegated_roles, delegators, lead_movements"

    /// An actor from a row of `thidua.actor_profile()` or `thidua.session_actor()` (0004, 0008): the one place a
    /// user's unit, roles, delegations and led movements are worked out.
    init(profile row: PostgresRow, userID: UUID, requestID: String?) throws {
        let delegatedRoles = try row.decode([String].self, column: "delegated_roles")
        let delegators = try row.decode([UUID].self, column: "delegators")
        var delegated: [Role: UUID] = [:]
        for (role, delegator) in zip(delegatedRoles, delegators) {
            if let role = Role(rawValue: role) { delegated[role] = delegator }
        }
        self.init(
            userID: userID, unitID: try row.decode(column: "unit_id"), unitKind: try row.decodeEnum(column: "unit_kind"),
            areaID: try row.decode(column: "area_id"),
            roles: Set(try row.decode([String].self, column: "own_roles").compactMap(Role.init(rawValue:))),
            delegated: delegated, leadMovements: Set(try row.decode([UUID].self, column: "lead_movements")), requestID: requestID)
    }
}
