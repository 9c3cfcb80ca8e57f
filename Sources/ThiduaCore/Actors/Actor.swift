import Foundation

/// Who is acting: a user, their unit, the roles they hold now and the ones they borrow under delegation.
///
/// Repositories take an `Actor` on every call; the policy decides with it, and the database is told who it
/// is for that transaction only, by the session it presents (``claim``). Load one with
/// ``SessionRepository/actor(for:requestID:)``.
public struct Actor: Sendable, Hashable {
    public var userID: UUID
    public var unitID: UUID
    public var unitKind: UnitKind
    public var areaID: String
    /// Roles granted to the user.
    public var roles: Set<Role>
    /// Roles borrowed under a delegation in force, with the delegator (ký thay / thừa lệnh).
    public var delegated: [Role: UUID]
    /// Movements whose lead unit (đơn vị chủ trì) is the actor's unit.
    public var leadMovements: Set<UUID>
    /// The request this action comes from, recorded in the audit trail.
    public var requestID: String?
    /// The request's `Idempotency-Key`, claimed in the transaction of its change (``RecordStore``).
    public var idempotency: IdempotencyClaim?
    /// What each transaction presents to PostgreSQL for the database to set this actor itself: the session's
    /// token (``SessionRepository/actor(for:requestID:)``) or, from a superuser session only, the user's id.
    public var claim: ActorClaim

    public init(
        userID: UUID, unitID: UUID, unitKind: UnitKind, areaID: String, roles: Set<Role>,
        delegated: [Role: UUID] = [:], leadMovements: Set<UUID> = [], requestID: String? = nil
    ) {
        self.userID = userID
        self.unitID = unitID
        self.unitKind = unitKind
        self.areaID = areaID
        self.roles = roles
        self.delegated = delegated
        self.leadMovements = leadMovements
        self.requestID = requestID
        self.claim = .superuser(userID)
    }

    /// Whether the actor may act in `role`, in person or under delegation.
    public func holds(_ role: Role) -> Bool { roles.contains(role) || delegated[role] != nil }

    /// Whether the actor holds any of `roles`.
    public func holdsAny(_ roles: Role...) -> Bool { roles.contains(where: holds) }

    /// The capacity in which the actor takes an action needing `role`: in person when they hold it, else on
    /// behalf of the delegator.
    func capacity(for role: Role) -> Capacity? {
        if roles.contains(role) { return Capacity(role: role, onBehalfOf: nil) }
        if let delegator = delegated[role] { return Capacity(role: role, onBehalfOf: delegator) }
        return nil
    }
}

/// The role an action is taken in, and the delegator when it is borrowed. Both go into the audit event.
public struct Capacity: Sendable, Hashable {
    public var role: Role
    public var onBehalfOf: UUID?

    public init(role: Role, onBehalfOf: UUID? = nil) {
        self.role = role
        self.onBehalfOf = onBehalfOf
    }
}
