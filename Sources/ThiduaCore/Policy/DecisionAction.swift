/// Everything an actor may ask to do with commendation decisions, proposals, holds and the
/// legal rules (DESIGN.md §4: "issue a commendation decision — the secretariat prepares the draft, the
/// chairman signs").
public enum DecisionAction: Sendable, Hashable, CaseIterable {
    /// Draft, edit, put up again after a return, draft a revocation or a proposal, record a higher level's answer.
    case prepare
    /// Sign or send back: the chairman, or a deputy under the chairman's ký thay (KT) delegation.
    case sign
    case sendBack
    /// Read decisions (drafts only where row-level security shows them), commendation records and the law.
    case view
    /// Place and lift holds (the secretariat).
    case manageHolds
    /// Read holds: the secretariat, the chairman who signs, auditors.
    case viewHolds
    /// Print a signed decision's certificates (Giấy khen): the secretariat, which prepares and hands them out, the
    /// chairman who signs them, auditors.
    case printCertificates
}

extension Policy {
    /// Decides a decision action. Row-level security and the guards of migration 0010 decide the same again;
    /// whether a delegate's delegation is a KT one (which alone may sign) is read from the database at signing.
    ///
    /// ```swift
    /// try Policy.authorize(secretary, .prepare)   // .secretariat
    /// try Policy.authorize(deputy, .sign)         // .chairman on behalf of the chairman, under KT
    /// ```
    @discardableResult
    public static func authorize(_ actor: Actor, _ action: DecisionAction) throws(PolicyDenial) -> Capacity {
        switch action {
        case .prepare, .manageHolds:
            guard let capacity = actor.capacity(for: .secretariat) else { throw readOnlyOr(actor, .roleRequired([.secretariat])) }
            return capacity
        case .sign, .sendBack:
            guard let capacity = actor.capacity(for: .chairman) else { throw readOnlyOr(actor, .roleRequired([.chairman])) }
            return capacity
        case .view:
            guard let capacity = Role.allCases.lazy.compactMap(actor.capacity(for:)).first else {
                throw .roleRequired(Role.allCases)
            }
            return capacity
        case .viewHolds, .printCertificates:
            return try requireAny(actor, [.secretariat, .chairman, .auditor])
        }
    }
}
