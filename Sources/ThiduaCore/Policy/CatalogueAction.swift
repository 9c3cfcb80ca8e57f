import Foundation

/// Changes to the catalogue and the people in it, and reading the whole audit trail.
public enum CatalogueAction: Sendable, Hashable {
    case manageUnits
    case manageUsers
    /// Granting or revoking `role` of `user` (or enabling, disabling them when `role` is nil).
    case changeRoles(of: UUID, role: Role? = nil)
    /// Replacing `user`'s password with one the administrator chose, with a reason (never their own).
    case resetPassword(of: UUID)
    /// Movements, rounds, deadlines and quotas.
    case manageRounds
    case grantDeadlineException
    /// Lending `role` to a colleague of the actor's own unit.
    case delegate(Role)
    case readWholeAuditTrail
    /// Searching the trail and reading a nomination's whole timeline from the auditors' pages (`/kiem-tra`):
    /// auditors and the secretariat read the area's whole trail, the chairman what row-level security lets it
    /// read (0024), so the pages show each of them no more than the history they already may read.
    case searchAuditTrail
    case sealAuditCheckpoint
    /// Recomputing the whole hash chain (DESIGN.md §4: the auditor's alone).
    case verifyAuditChain
    /// The district's reports: the yearly report to the chairman, overdue items (issue 4 §6).
    case readReports
    /// Changing one's own password: anyone holding a role in person (the change is audited in that role).
    case changeOwnPassword
}

extension Policy {
    /// Decides a catalogue action (DESIGN.md §4, last rows of the matrix).
    @discardableResult
    public static func authorize(_ actor: Actor, _ action: CatalogueAction) throws(PolicyDenial) -> Capacity {
        switch action {
        case .manageUnits, .manageUsers:
            return try requireAny(actor, [.admin])
        case .changeRoles(let user, let role):
            let capacity = try requireAny(actor, [.admin])
            guard user != actor.userID else { throw .selfGrant }
            // Whether the account holds a workflow role, or was made by this administrator, PostgreSQL checks (0015).
            guard role != .admin else { throw .adminByInstaller }
            return capacity
        case .resetPassword(let user):
            let capacity = try requireAny(actor, [.admin])
            guard user != actor.userID else { throw .ownPasswordReset }
            return capacity
        case .manageRounds, .grantDeadlineException:
            return try requireAny(actor, [.secretariat])
        case .delegate(let role):
            guard role == .unitHead || role == .chairman, actor.roles.contains(role) else { throw .delegationNotAllowed }
            return Capacity(role: role, onBehalfOf: nil)
        case .readWholeAuditTrail:
            return try requireAny(actor, [.auditor, .secretariat])
        case .searchAuditTrail:
            return try requireAny(actor, [.auditor, .secretariat, .chairman])
        case .sealAuditCheckpoint:
            return try requireAny(actor, [.auditor, .secretariat, .admin])
        case .verifyAuditChain:
            return try requireAny(actor, [.auditor])
        case .readReports:
            return try requireAny(actor, [.secretariat, .chairman, .auditor])
        case .changeOwnPassword:
            // In person only: a password is never changed under a borrowed role.
            guard let role = actor.roles.min(by: { $0.rawValue < $1.rawValue }) else { throw .roleRequired(Role.allCases) }
            return Capacity(role: role)
        }
    }
}
