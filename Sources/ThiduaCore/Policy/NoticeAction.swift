import Foundation

/// Everything an actor may ask to do with the public notice some forms require before a commendation
/// (LAW.md "Public notice"; migration 0010).
public enum NoticeAction: Sendable, Hashable {
    /// Open a notice for a nomination, and close it with its outcome: the secretariat, which posts it.
    case run
    /// Record an objection or comment received about the nomination of `unitID`: the secretariat, or that unit's
    /// clerk or head where the notice is posted at the unit's seat.
    case record(unitID: UUID)
    /// Read notices and what they received: as their nomination is read (its unit, the lead units of its
    /// movement, the secretariat, the council and the chairman from council review on, auditors); row-level
    /// security (0024) narrows it to the notices of nominations the actor may read.
    case viewNotices
}

extension Policy {
    /// Decides a public-notice action. Row-level security and the guards of migration 0010 decide the same again.
    ///
    /// ```swift
    /// try Policy.authorize(secretary, .run)                     // .secretariat
    /// try Policy.authorize(clerkA, .record(unitID: communeA))   // .unitClerk
    /// try Policy.authorize(clerkA, .run)                        // throws .roleRequired([.secretariat])
    /// ```
    @discardableResult
    public static func authorize(_ actor: Actor, _ action: NoticeAction) throws(PolicyDenial) -> Capacity {
        switch action {
        case .run:
            guard let capacity = actor.capacity(for: .secretariat) else { throw readOnlyOr(actor, .roleRequired([.secretariat])) }
            return capacity
        case .record(let unitID):
            return try secretariatOrStaff(of: unitID, actor, elsewhere: .otherUnit)
        case .viewNotices:
            return try requireAny(actor, [.unitClerk, .unitHead, .secretariat, .councilMember, .chairman, .auditor])
        }
    }
}
