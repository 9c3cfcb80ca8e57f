/// What ``AuditVerifier`` found: nothing wrong, or the first problem; with how much it checked.
public struct AuditVerification: Sendable, Hashable {
    /// The first problem found; `nil` when the whole trail verified. Checking stops at the first problem, so
    /// the counts then cover what was read until it.
    public var problem: AuditProblem?
    /// Events whose hash, seq and link were checked.
    public var eventsChecked: Int
    /// Record chains read.
    public var records: Int
    /// Checkpoints in the trail.
    public var checkpoints: Int
    /// Events after the last checkpoint: their chains are checked, but removing the last of them would not show
    /// until a checkpoint seals them.
    public var unsealedEvents: Int
    /// The latest checkpoint's root, to keep outside the database for the next verification.
    public var latestRoot: SHA256Digest?

    /// True when nothing was found wrong.
    public var isIntact: Bool { problem == nil }
}
