import Foundation

/// One page of an ``AuditSearch``: its events, newest first, and what its words matched, so the page can say
/// whom and what it searched (or that a name matched no one).
public struct AuditSearchResult: Sendable, Hashable {
    /// A person, unit or nomination a search's text matched.
    public struct Match: Sendable, Hashable {
        public var id: UUID
        /// The full name, the unit's name, the nominee's name.
        public var name: String
        /// The username, the unit's code, the nomination's unit.
        public var detail: String
    }

    public var events: [AuditEvent]
    /// `nil` when the search named no user; empty when the name matched no one.
    public var users: [Match]?
    public var units: [Match]?
    public var nominations: [Match]?
    /// The `before` of the next (older) page; `nil` on the last.
    public var nextBefore: Int64?

    /// How many matches of each kind are read at most: the page lists them, and a longer list means the words are too few.
    static let matchLimit = 30
}
