import ThiduaCore

/// The outcome of recomputing the whole audit chain: how much was checked, the latest root to keep outside the
/// database, and the first problem found (with its messages), or none.
struct AuditVerificationResponse: Encodable, Sendable {
    struct Problem: Encodable, Sendable {
        var kind: String
        var eventID: Int64?
        var recordType: String?
        var recordID: String?
        var seq: Int?
        var checkpointID: Int64?
        var vietnamese: String
        var english: String
    }

    var intact: Bool
    var eventsChecked: Int
    var records: Int
    var checkpoints: Int
    var unsealedEvents: Int
    var latestRoot: String?
    var problem: Problem?

    init(_ verification: AuditVerification) {
        intact = verification.isIntact
        eventsChecked = verification.eventsChecked
        records = verification.records
        checkpoints = verification.checkpoints
        unsealedEvents = verification.unsealedEvents
        latestRoot = verification.latestRoot?.hex
        problem = verification.problem.map { problem in
            Problem(
                kind: problem.kind.rawValue, eventID: problem.eventID, recordType: problem.record?.type, recordID: problem.record?.id,
                seq: problem.seq, checkpointID: problem.checkpointID, vietnamese: problem.vietnamese, english: problem.english)
        }
    }
}
