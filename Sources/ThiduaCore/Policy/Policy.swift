import Foundation

/// The one place that answers "may this actor do this action on this record" (DESIGN.md §4).
///
/// Pure: no I/O, so the whole roles matrix is tested without a database. Every repository call asks it
/// first and gets either the capacity to act in (written to the audit trail) or a ``PolicyDenial`` naming
/// the rule that refused. Row-level security repeats the decision in PostgreSQL.
///
/// ```swift
/// let capacity = try Policy.authorize(actor, .workflow(.submit), on: facts)   // .unitHead, maybe delegated
/// ```
public enum Policy {
    /// Whether `actor` may see the nomination.
    public static func canView(_ actor: Actor, _ facts: NominationFacts) -> Bool {
        (try? authorize(actor, .view, on: facts)) != nil
    }

    /// Decides a nomination action. For `.create`, `facts` describes the draft to be created.
    @discardableResult
    public static func authorize(
        _ actor: Actor, _ action: NominationAction, on facts: NominationFacts
    ) throws(PolicyDenial) -> Capacity {
        let ownUnit = actor.unitID == facts.unitID
        switch action {
        case .view:
            if ownUnit, let capacity = actor.capacity(for: .unitHead) ?? actor.capacity(for: .unitClerk) { return capacity }
            if let capacity = actor.capacity(for: .secretariat) ?? actor.capacity(for: .auditor) { return capacity }
            if let capacity = actor.capacity(for: .chairman) ?? actor.capacity(for: .councilMember) {
                guard facts.state.isBeforeCouncil == false else { throw .notYetBeforeCouncil }
                return capacity
            }
            if actor.leadMovements.contains(facts.movementID), facts.submittedBy != nil,
               let capacity = actor.capacity(for: .unitHead) ?? actor.capacity(for: .unitClerk) {
                guard !facts.restricted else { throw .armedForceRecord }
                return capacity
            }
            if facts.restricted { throw .armedForceRecord }
            if actor.holdsAny(.unitClerk, .unitHead) { throw .otherUnit }
            throw .roleRequired([.unitClerk, .unitHead, .secretariat, .auditor])
        case .create, .workflow(.edit):
            return try ownUnitRole(actor, facts, [.unitHead, .unitClerk])
        case .workflow(.submit), .workflow(.withdraw):
            return try ownUnitRole(actor, facts, [.unitHead])
        case .workflow(.endorse), .workflow(.returnByLeadUnit):
            guard let capacity = actor.capacity(for: .unitHead) else { throw readOnlyOr(actor, .roleRequired([.unitHead])) }
            guard actor.leadMovements.contains(facts.movementID) else { throw .notLeadUnit }
            guard !facts.restricted || ownUnit else { throw .armedForceRecord }
            try refuseOwnSubmission(actor, facts)
            return capacity
        case .workflow(.verify), .workflow(.returnBySecretariat):
            guard let capacity = actor.capacity(for: .secretariat) else { throw readOnlyOr(actor, .roleRequired([.secretariat])) }
            try refuseOwnSubmission(actor, facts)
            return capacity
        case .workflow(.putBeforeCouncil), .workflow(.approveInCouncil), .workflow(.rejectInCouncil), .workflow(.carryOver):
            guard let capacity = actor.capacity(for: .secretariat) else { throw readOnlyOr(actor, .roleRequired([.secretariat])) }
            return capacity
        case .workflow(.decide):
            guard let capacity = actor.capacity(for: .chairman) else { throw readOnlyOr(actor, .roleRequired([.chairman])) }
            return capacity
        }
    }

    private static func ownUnitRole(_ actor: Actor, _ facts: NominationFacts, _ roles: [Role]) throws(PolicyDenial) -> Capacity {
        let capacity = try requireAny(actor, roles)
        guard actor.unitID == facts.unitID else { throw .otherUnit }
        return capacity
    }

    private static func refuseOwnSubmission(_ actor: Actor, _ facts: NominationFacts) throws(PolicyDenial) {
        if facts.submittedBy == actor.userID { throw .ownSubmission }
    }

    /// The first of `roles` the actor holds (in person or by delegation); else the roles that would do, or
    /// ``PolicyDenial/readOnly`` for an auditor.
    static func requireAny(_ actor: Actor, _ roles: [Role]) throws(PolicyDenial) -> Capacity {
        guard let capacity = roles.lazy.compactMap(actor.capacity(for:)).first else { throw readOnlyOr(actor, .roleRequired(roles)) }
        return capacity
    }

    /// The secretariat anywhere in the area, or the head or a clerk of `unitID` itself (`elsewhere` for another unit's).
    static func secretariatOrStaff(of unitID: UUID, _ actor: Actor, elsewhere: PolicyDenial) throws(PolicyDenial) -> Capacity {
        if let capacity = actor.capacity(for: .secretariat) { return capacity }
        guard let capacity = actor.capacity(for: .unitHead) ?? actor.capacity(for: .unitClerk) else {
            throw readOnlyOr(actor, .roleRequired([.unitClerk, .unitHead, .secretariat]))
        }
        guard actor.unitID == unitID else { throw elsewhere }
        return capacity
    }

    static func readOnlyOr(_ actor: Actor, _ denial: PolicyDenial) -> PolicyDenial {
        actor.holds(.auditor) ? .readOnly : denial
    }
}

extension NominationState {
    /// Not yet put before the council: council members and the chairman do not see it.
    var isBeforeCouncil: Bool {
        switch self {
        case .inReview, .approved, .rejected, .decided: false
        default: true
        }
    }
}
