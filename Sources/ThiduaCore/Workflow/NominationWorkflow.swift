/// The nomination workflow as a pure function: state and event in, next state or a refusal out.
///
/// ```
/// draft ──submit──▶ submitted ──endorse──▶ endorsed ──verify──▶ verified ◀──carry over (no quorum)──┐
///   ▲                  │                       │                     │                               │
///   └──── returned ◀───┴──── return ◀──────────┘         put before council ──▶ in_review ──approve──▶ approved
///                                                                                  └──────reject───▶ rejected
/// approved ──decide (a signed decision or proposal carries it)──▶ decided
/// withdraw: from draft, submitted, endorsed, returned
/// ```
/// A submission no other unit endorses is endorsed at once (one transition, one audit event) and waits for the
/// secretariat: the movement's own lead unit's, one in a movement without a lead unit (the plan's 2.2.10–2.2.12),
/// and an armed force's, which no other lead unit may read.
/// The repository performs the result in one transaction; PostgreSQL's `guard_nomination` enforces the
/// same edges again.
public enum NominationWorkflow {
    public static func next(
        from state: NominationState, on event: NominationEvent, endorsedAtOnce: Bool = false
    ) throws(WorkflowRefusal) -> NominationState {
        switch (state, event) {
        case (.draft, .edit), (.returned, .edit):
            return state
        case (.draft, .submit), (.returned, .submit):
            return endorsedAtOnce ? .endorsed : .submitted
        case (.draft, .withdraw), (.submitted, .withdraw), (.endorsed, .withdraw), (.returned, .withdraw):
            return .withdrawn
        case (.submitted, .endorse):
            return .endorsed
        case (.submitted, .returnByLeadUnit):
            return .returned
        case (.endorsed, .verify):
            return .verified
        case (.endorsed, .returnBySecretariat):
            return .returned
        case (.verified, .putBeforeCouncil):
            return .inReview
        case (.inReview, .approveInCouncil):
            return .approved
        case (.inReview, .rejectInCouncil):
            return .rejected
        case (.inReview, .carryOver):
            return .verified
        case (.approved, .decide):
            return .decided
        default:
            throw WorkflowRefusal(state: state, event: event)
        }
    }
}

/// An event that does not apply in the nomination's current state.
public struct WorkflowRefusal: Error, Sendable, Hashable {
    public var state: NominationState
    public var event: NominationEvent

    public init(state: NominationState, event: NominationEvent) {
        self.state = state
        self.event = event
    }
}
