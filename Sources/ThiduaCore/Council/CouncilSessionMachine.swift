/// The council session as a pure function: the session's state and the acting member's standing on the
/// nomination in question, an event and the actor in; the next state and the capacity to act in, or a refusal
/// out. No I/O, so every state × event × role is tested without a database (CouncilSessionMachineTests).
///
/// ```
/// open ──close (secretariat)──▶ closed          nothing happens in a closed session
///
/// in an open session, a member's standing on one nomination:
/// undecided ──cast vote──▶ voted ──change vote──▶ voted
///     └──────recuse──────▶ recused               off roster: takes no step
/// ```
/// Who may take a step at all is ``Policy``'s (``CouncilAction``: the secretariat closes, members and the
/// chairman vote and recuse, on the roster and not recused); the machine asks it first and adds what the
/// session's state allows. ``CouncilRepository`` reads the state, asks the machine and performs the result in
/// one transaction; the guards of migration 0009 check the same again.
///
/// ```swift
/// let step = try CouncilSessionMachine.next(from: .init(session: .open, standing: .voted), on: .recuse, by: member)
/// // throws ThiduaError.council(.recusalAfterVote)
/// ```
public enum CouncilSessionMachine {
    /// The session's state, and the acting member's standing on the nomination a vote or a recusal is about.
    public struct State: Sendable, Hashable {
        public var session: CouncilSession.State
        public var standing: CouncilStanding

        public init(session: CouncilSession.State, standing: CouncilStanding) {
            self.session = session
            self.standing = standing
        }
    }

    /// What a permitted step leads to, and the capacity the actor takes it in (written to the audit trail).
    public struct Step: Sendable, Hashable {
        public var state: State
        public var capacity: Capacity
    }

    /// The step `event` takes from `state` when `actor` asks: refused with ``ThiduaError/denied(_:)`` by the
    /// policy, or with ``ThiduaError/council(_:)`` when the session's state does not allow it.
    public static func next(from state: State, on event: CouncilEvent, by actor: Actor) throws(ThiduaError) -> Step {
        let capacity = try Policy.permit(actor, event.policyAction, seat: state.standing.seat)
        guard state.session == .open else { throw .council(.sessionClosed) }
        var next = state
        switch (event, state.standing) {
        case (.close, _):
            next.session = .closed
        case (.castVote, .voted):
            throw .council(.alreadyVoted)
        case (.changeVote, .undecided):
            throw .council(.noVoteToChange)
        case (.recuse, .voted):
            throw .council(.recusalAfterVote)
        case (.castVote, _), (.changeVote, _):
            next.standing = .voted
        case (.recuse, _):
            next.standing = .recused
        }
        return Step(state: next, capacity: capacity)
    }

    /// Whether `actor` may take `event` from `state`: a page offers exactly the steps the repository would take.
    public static func allows(_ event: CouncilEvent, from state: State, by actor: Actor) -> Bool {
        (try? next(from: state, on: event, by: actor)) != nil
    }
}
