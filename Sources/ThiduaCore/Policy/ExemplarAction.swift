import Foundation

/// Everything an actor may ask to do with commendation histories, eligibility flags, exemplars and their
/// follow-up, and the reviews that select exemplars for the congresses (issue 4 §4–§5).
public enum ExemplarAction: Sendable, Hashable {
    /// Read exemplars and their follow-up: as nominations are read (the following unit and the nominee's unit,
    /// the secretariat, the council, the chairman, auditors); row-level security narrows it to the records.
    case viewExemplars
    /// Read commendation histories, eligibility flags and a review's candidates: whoever reads commendation
    /// records (the nominee's unit, the secretariat, the chairman, auditors).
    case viewHistory
    /// Designate an exemplar for `unitID` to follow, or record its evaluations, propagation and replication:
    /// that unit's clerk or head, or the secretariat.
    case follow(unitID: UUID)
    /// Select exemplars for a review or congress: the secretariat.
    case select
}

extension Policy {
    /// Decides an exemplar action. Row-level security and the guards of migration 0011 decide the same again.
    ///
    /// ```swift
    /// try Policy.authorize(clerkB, .follow(unitID: communeB))   // .unitClerk
    /// try Policy.authorize(clerkA, .follow(unitID: communeB))   // throws .notFollowingUnit
    /// ```
    @discardableResult
    public static func authorize(_ actor: Actor, _ action: ExemplarAction) throws(PolicyDenial) -> Capacity {
        switch action {
        case .viewExemplars:
            return try requireAny(actor, [.unitClerk, .unitHead, .secretariat, .councilMember, .chairman, .auditor])
        case .viewHistory:
            return try requireAny(actor, [.unitClerk, .unitHead, .secretariat, .chairman, .auditor])
        case .follow(let unitID):
            return try secretariatOrStaff(of: unitID, actor, elsewhere: .notFollowingUnit)
        case .select:
            guard let capacity = actor.capacity(for: .secretariat) else { throw readOnlyOr(actor, .roleRequired([.secretariat])) }
            return capacity
        }
    }
}
