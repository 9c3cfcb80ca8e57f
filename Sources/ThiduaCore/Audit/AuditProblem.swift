/// The first thing ``AuditVerifier`` found wrong with the audit trail: what kind of tampering it shows, where,
/// and a sentence in Vietnamese and in English for the auditor.
public struct AuditProblem: Sendable, Hashable, CustomStringConvertible {
    /// What the evidence shows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An event's content no longer matches its own hash.
        case edited
        /// An event is missing: a gap in a chain, a chain shorter than a checkpoint sealed it, or a live record
        /// with no events at all (or none after its deletion).
        case removed
        /// An event that was never sealed where it stands: a repeated seq, an id inside a sealed range that the
        /// checkpoint did not seal, or a sealed event put back with a new id.
        case inserted
        /// Hashes agree with the content, but not with what came before: part of a chain was rewritten and
        /// hashed again (the next event, or a checkpoint, still holds the old hash).
        case rechained
        /// A checkpoint is missing, or its range, heads, root or link to the previous one do not recompute.
        case checkpointMismatch
        /// The checkpoint chain is whole but its root is not the one kept outside the database.
        case rootMismatch
    }

    public var kind: Kind
    /// The event concerned; `nil` when it no longer exists (``Kind/removed``) or the problem is a checkpoint's.
    public var eventID: Int64?
    /// The record whose chain shows the problem.
    public var record: AuditRecordKey?
    /// The seq concerned: the event's, or for ``Kind/removed`` the first one missing.
    public var seq: Int?
    /// The checkpoint concerned, if any.
    public var checkpointID: Int64?
    /// Why, precisely: the messages are made from it.
    let cause: Cause

    init(_ kind: Kind, _ cause: Cause, eventID: Int64? = nil, record: AuditRecordKey? = nil, seq: Int? = nil, checkpointID: Int64? = nil) {
        self.kind = kind
        self.cause = cause
        self.eventID = eventID
        self.record = record
        self.seq = seq
        self.checkpointID = checkpointID
    }

    public var description: String { "\(kind.rawValue): \(english)" }

    /// Found by comparing events with a checkpoint's heads: the heads themselves may be what was forged.
    var restsOnHeads: Bool {
        switch cause {
        case .headHashDiffers, .tailRemoved, .unsealedInSealedRange, .sealedEventMoved: checkpointID != nil
        default: false
        }
    }

    /// The details the messages need beyond the problem's identifiers.
    enum Cause: Sendable, Hashable {
        case hashDoesNotRecompute
        case gap(previousSeq: Int, foundSeq: Int, foundEventID: Int64)
        case repeatedSeq
        case brokenLink
        case headHashDiffers
        case tailRemoved(sealedSeq: Int)
        case unsealedInSealedRange
        case beforeFirstRange
        case sealedEventMoved
        case headOfUnknownCheckpoint(sealedSeq: Int)
        case checkpointMissing
        case rangeDoesNotFollow(expectedFirst: Int64)
        case malformedRange
        case linkToPreviousBroken
        case rootDoesNotRecompute
        case headsDigestDiffers
        case eventCountDiffers(sealed: Int64, found: Int64)
        case keptRootDiffers
        case keptCheckpointMissing
        case noCheckpointForKeptRoot
        case recordWithoutEvents
        case recordAfterDeletion
    }
}
