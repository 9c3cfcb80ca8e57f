/// The checks a list of checkpoints must pass on its own, before any event is read: ids 1, 2, 3… with
/// ranges that tile the event ids, each root recomputed from its fields and linked to the previous root,
/// and the root kept outside the database, if one was given. No I/O.
enum AuditCheckpointChain {
    /// The first problem, in checkpoint order, then the kept root; `nil` when the chain holds.
    static func problem(in checkpoints: [AuditCheckpoint], expecting expectedRoot: AuditExpectedRoot?) -> AuditProblem? {
        var previous: AuditCheckpoint?
        for (index, checkpoint) in checkpoints.enumerated() {
            let expectedID = Int64(index) + 1
            guard checkpoint.id == expectedID else {
                return AuditProblem(.checkpointMismatch, .checkpointMissing, checkpointID: expectedID)
            }
            let expectedFirst = (previous?.lastEventID ?? 0) + 1
            guard checkpoint.firstEventID == expectedFirst else {
                return AuditProblem(.checkpointMismatch, .rangeDoesNotFollow(expectedFirst: expectedFirst), checkpointID: checkpoint.id)
            }
            guard checkpoint.lastEventID >= checkpoint.firstEventID, checkpoint.eventCount > 0,
                  checkpoint.eventCount <= checkpoint.lastEventID - checkpoint.firstEventID + 1 else {
                return AuditProblem(.checkpointMismatch, .malformedRange, checkpointID: checkpoint.id)
            }
            guard checkpoint.previousRoot == (previous?.root ?? .zero) else {
                return AuditProblem(.checkpointMismatch, .linkToPreviousBroken, checkpointID: checkpoint.id)
            }
            guard checkpoint.computedRoot == checkpoint.root else {
                return AuditProblem(.checkpointMismatch, .rootDoesNotRecompute, checkpointID: checkpoint.id)
            }
            previous = checkpoint
        }
        switch expectedRoot {
        case nil:
            return nil
        case .latest(let root):
            guard let latest = checkpoints.last else { return AuditProblem(.rootMismatch, .noCheckpointForKeptRoot) }
            return latest.root == root ? nil : AuditProblem(.rootMismatch, .keptRootDiffers, checkpointID: latest.id)
        case .checkpoint(let id, let root):
            guard let kept = checkpoints.first(where: { $0.id == id }) else {
                return AuditProblem(.rootMismatch, .keptCheckpointMissing, checkpointID: id)
            }
            return kept.root == root ? nil : AuditProblem(.rootMismatch, .keptRootDiffers, checkpointID: id)
        }
    }
}
