/// Everything an actor may ask to do in a council review session (DESIGN.md §4: "open and close council
/// review" is the secretariat's, "vote (may recuse)" the council members' and the chairman's).
public enum CouncilAction: Sendable, Hashable, CaseIterable {
    case open
    case close
    case view
    case vote
    case recuse
}

/// A member's place in a session for one nomination, as the frozen roster and the recusals record it.
public struct CouncilSeatFacts: Sendable, Hashable {
    /// On the roster frozen when the session opened, and not excused.
    public var onRoster: Bool
    public var recused: Bool

    public init(onRoster: Bool, recused: Bool) {
        self.onRoster = onRoster
        self.recused = recused
    }
}

extension Policy {
    /// Decides a council action. For `.vote` and `.recuse`, `seat` (once the session is read) adds the checks of
    /// the roster and the recusals; without it only the role is decided. Row-level security and the guards of
    /// migration 0009 decide the same again.
    ///
    /// ```swift
    /// try Policy.authorize(member, .vote)                                                   // the role
    /// try Policy.authorize(member, .vote, seat: CouncilSeatFacts(onRoster: true, recused: true)) // .recused
    /// ```
    @discardableResult
    public static func authorize(
        _ actor: Actor, _ action: CouncilAction, seat: CouncilSeatFacts? = nil
    ) throws(PolicyDenial) -> Capacity {
        switch action {
        case .open, .close:
            guard let capacity = actor.capacity(for: .secretariat) else { throw readOnlyOr(actor, .roleRequired([.secretariat])) }
            return capacity
        case .view:
            return try requireAny(actor, [.secretariat, .chairman, .councilMember, .auditor])
        case .vote, .recuse:
            guard let capacity = actor.capacity(for: .chairman) ?? actor.capacity(for: .councilMember) else {
                throw readOnlyOr(actor, .roleRequired([.councilMember, .chairman]))
            }
            guard let seat else { return capacity }
            guard seat.onRoster else { throw .notOnRoster }
            guard !seat.recused else { throw .recused }
            return capacity
        }
    }
}
