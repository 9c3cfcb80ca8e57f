/// The decision's lifecycle as a pure function: its state and kind, an event and the actor in; the next state
/// and the capacity to act in, or a refusal out. No I/O, so every state × kind × event × role is tested without
/// a database (DecisionLifecycleTests).
///
/// ```
/// draft ──sign (chairman, or KT.)──▶ signed ──revoke (a signed revocation names it)──▶ revoked
///   ▲  └──send back (chairman)──▶ returned           signed proposal: record answers
///   └──────resubmit (secretariat)────┘               signed commendation: draft its revocation
/// edit items: draft, returned (not a revocation)      signed commendation: print its certificates
/// ```
/// Who may take a step at all is ``Policy``'s (``DecisionAction``: the secretariat prepares, the chairman signs
/// and sends back); the machine asks it first, then the kind, then the state. Whether a deputy's delegation is
/// a ký thay one is read from the database at signing. ``DecisionRepository`` reads the decision, asks the
/// machine and performs the result in one transaction; the guards of migration 0010 check the same again.
///
/// ```swift
/// let step = try DecisionLifecycle.next(from: .draft, kind: .commendation, on: .sign, by: chairman)
/// step.state   // .signed
/// ```
public enum DecisionLifecycle {
    /// What a permitted step leads to, and the capacity the actor takes it in (written to the audit trail).
    public struct Step: Sendable, Hashable {
        public var state: DecisionState
        public var capacity: Capacity
    }

    /// The step `event` takes from `state` on a document of `kind` when `actor` asks: refused with
    /// ``ThiduaError/denied(_:)`` by the policy, or with ``ThiduaError/decision(_:)`` when the kind or the
    /// state does not allow it.
    public static func next(
        from state: DecisionState, kind: DecisionKind, on event: DecisionEvent, by actor: Actor
    ) throws(ThiduaError) -> Step {
        let capacity = try Policy.permit(actor, event.policyAction)
        switch (event, kind) {
        case (.editItems, .revocation): throw .decision(.revocationHasNoItems)
        case (.recordAnswer, _) where kind != .proposal: throw .decision(.onlyProposalsAnswered)
        case (.draftRevocation, _) where kind != .commendation, (.revoke, _) where kind != .commendation:
            throw .decision(.onlyCommendationsRevoked)
        case (.printCertificates, _) where kind != .commendation: throw .decision(.certificatesOnlyForCommendations)
        default: break
        }
        let next: DecisionState
        switch (event, state) {
        case (.editItems, .draft), (.editItems, .returned), (.draftRevocation, .signed), (.recordAnswer, .signed),
             (.printCertificates, .signed):
            next = state
        case (.resubmit, .returned):
            next = .draft
        case (.sign, .draft):
            next = .signed
        case (.sendBack, .draft):
            next = .returned
        case (.revoke, .signed):
            next = .revoked
        default:
            throw .decision(.state(state))
        }
        return Step(state: next, capacity: capacity)
    }

    /// Whether `actor` may take `event` on `decision` now: a page offers exactly the steps the repository would take.
    public static func allows(_ event: DecisionEvent, on decision: Decision, by actor: Actor) -> Bool {
        (try? next(from: decision.state, kind: decision.kind, on: event, by: actor)) != nil
    }
}
