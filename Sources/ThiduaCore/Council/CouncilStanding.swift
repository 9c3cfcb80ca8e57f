/// Where the acting person stands on one nomination before a session, as its frozen roster, its recusals and
/// its votes record it. Closing a session concerns no nomination: the secretariat closes it from
/// ``offRoster``, which the close does not look at.
public enum CouncilStanding: String, Sendable, Hashable, CaseIterable, Codable {
    /// Not on the roster frozen when the session opened, or excused then.
    case offRoster = "off_roster"
    /// On the roster, and has neither voted on the nomination nor stepped aside from it.
    case undecided
    case voted
    /// Stepped aside from the nomination, or recused by default because their own unit submitted it.
    case recused

    /// The roster and recusal facts the policy decides a vote or a recusal with.
    var seat: CouncilSeatFacts {
        CouncilSeatFacts(onRoster: self != .offRoster, recused: self == .recused)
    }
}
