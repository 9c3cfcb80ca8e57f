/// Checks the record chains and what the checkpoints sealed of them, from events and checkpoint heads that
/// arrive in byte order of their record, then seq. No I/O: ``AuditVerifier`` reads and feeds it.
///
/// Per event: the seq follows the previous one (from 1), the hash recomputes, the previous hash links. Per
/// record, once its last event is in: for every checkpoint, the record's last event with an id in that range
/// is exactly the head the checkpoint sealed (same seq, same hash), and no event lies in a sealed range
/// without such a head. At the end: each checkpoint's heads digest recomputes from the heads read, and its
/// range holds as many events as it sealed.
///
/// The heads of a record must have been given (``receive(_:)``) before the first event of a later record.
/// The checkpoints must have passed ``AuditCheckpointChain`` (their ranges tile the event ids).
final class AuditChainChecker {
    private let checkpoints: [AuditCheckpoint]
    private let positions: [Int64: Int]
    private let sealedThrough: Int64
    private let headsDigests: [SHA256Hasher]
    private var eventCounts: [Int64]
    private var heads: [AuditCheckpointHead] = []
    private var nextHead = 0
    private var chain: Chain?
    private let eventHasher = SHA256Hasher()
    private var scratch: [UInt8] = []
    private var lastPosition = 0

    private(set) var eventsChecked = 0
    private(set) var records = 0
    private(set) var unsealedEvents = 0

    /// One record's events so far, as much of each as the checkpoint comparison needs.
    private struct Chain {
        var recordType: [UInt8]
        var recordID: [UInt8]
        var record: AuditRecordKey
        var marks: [Mark] = []
    }

    private struct Mark {
        var seq: Int
        var id: Int64
        /// The position of the checkpoint whose range holds the id, ``unsealed`` or ``beforeFirstRange``.
        var position: Int
        var hash: SHA256Digest
    }

    private static let unsealed = -1
    private static let beforeFirstRange = -2

    init(checkpoints: [AuditCheckpoint]) {
        self.checkpoints = checkpoints
        positions = Dictionary(uniqueKeysWithValues: checkpoints.enumerated().map { ($1.id, $0) })
        sealedThrough = checkpoints.last?.lastEventID ?? 0
        headsDigests = checkpoints.map { _ in SHA256Hasher() }
        eventCounts = Array(repeating: 0, count: checkpoints.count)
        scratch.reserveCapacity(4096)
    }

    /// Checkpoint heads, in byte order of (record_type, record_id), then seq and checkpoint id.
    func receive(_ newHeads: some Sequence<AuditCheckpointHead>) {
        for head in newHeads {
            if let position = positions[head.checkpointID] {
                scratch.removeAll(keepingCapacity: true)
                AuditCanonical.append(head, to: &scratch)
                headsDigests[position].update(scratch)
            }
            heads.append(head)
        }
    }

    /// The next event, in byte order of (record_type, record_id), then seq; the first problem it shows.
    func check(_ event: AuditEventBytes) -> AuditProblem? {
        if chain?.recordID != event.recordID || chain?.recordType != event.recordType {
            if let problem = finishChain() { return problem }
            let record = event.record
            if nextHead < heads.count, heads[nextHead].record < record { return removedRecord(heads[nextHead]) }
            chain = Chain(recordType: event.recordType, recordID: event.recordID, record: record)
            records += 1
        }
        let record = chain!.record
        eventsChecked += 1
        let previous = chain!.marks.last
        let expectedSeq = (previous?.seq ?? 0) + 1
        if event.seq > expectedSeq {
            return AuditProblem(
                .removed, .gap(previousSeq: expectedSeq - 1, foundSeq: event.seq, foundEventID: event.id),
                record: record, seq: expectedSeq)
        }
        if event.seq < expectedSeq {
            return AuditProblem(.inserted, .repeatedSeq, eventID: event.id, record: record, seq: event.seq)
        }
        guard computedHash(of: event) == event.hash else {
            return AuditProblem(.edited, .hashDoesNotRecompute, eventID: event.id, record: record, seq: event.seq)
        }
        guard event.prevHash == (previous?.hash ?? .zero) else {
            return AuditProblem(.rechained, .brokenLink, eventID: event.id, record: record, seq: event.seq)
        }
        let position = position(of: event.id)
        switch position {
        case Self.unsealed:
            unsealedEvents += 1
        case Self.beforeFirstRange:
            return AuditProblem(.inserted, .beforeFirstRange, eventID: event.id, record: record, seq: event.seq)
        default:
            eventCounts[position] += 1
        }
        chain!.marks.append(Mark(seq: event.seq, id: event.id, position: position, hash: event.hash))
        return nil
    }

    /// After the last event and every head: the last record, heads left without events, then each
    /// checkpoint's heads digest and event count.
    func finish() -> AuditProblem? {
        if let problem = finishChain() { return problem }
        if nextHead < heads.count { return removedRecord(heads[nextHead]) }
        for (position, checkpoint) in checkpoints.enumerated() {
            guard headsDigests[position].finish() == checkpoint.headsDigest else {
                return AuditProblem(.checkpointMismatch, .headsDigestDiffers, checkpointID: checkpoint.id)
            }
            guard eventCounts[position] == checkpoint.eventCount else {
                return AuditProblem(
                    .checkpointMismatch, .eventCountDiffers(sealed: checkpoint.eventCount, found: eventCounts[position]),
                    checkpointID: checkpoint.id)
            }
        }
        return nil
    }

    private func computedHash(of event: AuditEventBytes) -> SHA256Digest {
        scratch.removeAll(keepingCapacity: true)
        event.prevHash.withUnsafeBytes { scratch.append(contentsOf: $0) }
        AuditCanonical.append(event, to: &scratch)
        return eventHasher.digest(scratch)
    }

    /// The position of the checkpoint whose range holds `id`. Ranges tile, and a chain's ids rise, so the
    /// previous answer is usually right.
    private func position(of id: Int64) -> Int {
        if id > sealedThrough { return Self.unsealed }
        if id < checkpoints[0].firstEventID { return Self.beforeFirstRange }
        if checkpoints[lastPosition].firstEventID <= id && id <= checkpoints[lastPosition].lastEventID { return lastPosition }
        var low = 0
        var high = checkpoints.count - 1
        while low < high {
            let middle = (low + high) / 2
            if checkpoints[middle].lastEventID < id { low = middle + 1 } else { high = middle }
        }
        lastPosition = low
        return low
    }

    /// Compares the finished record's chain with the heads sealed of it; the problem with the lowest seq.
    private func finishChain() -> AuditProblem? {
        guard let chain else { return nil }
        self.chain = nil
        defer { compactHeads() }
        var sealedHeads: [AuditCheckpointHead] = []
        while nextHead < heads.count, heads[nextHead].record == chain.record {
            sealedHeads.append(heads[nextHead])
            nextHead += 1
        }
        let marks = chain.marks
        guard !sealedHeads.isEmpty || marks.contains(where: { $0.position >= 0 }) else { return nil }

        // The record's last event in each checkpoint's range (marks are in seq order, from seq 1).
        var lastInRange: [Int: Int] = [:]
        for (index, mark) in marks.enumerated() where mark.position >= 0 {
            lastInRange[mark.position] = index
        }
        func firstInRange(_ position: Int, after seq: Int) -> Mark? {
            marks.first { $0.position == position && $0.seq > seq }
        }
        func event(_ mark: Mark, _ kind: AuditProblem.Kind, _ cause: AuditProblem.Cause, _ checkpoint: Int64) -> AuditProblem {
            AuditProblem(kind, cause, eventID: mark.id, record: chain.record, seq: mark.seq, checkpointID: checkpoint)
        }

        var problems: [AuditProblem] = []
        var matched: Set<Int> = []
        for head in sealedHeads {
            guard let position = positions[head.checkpointID] else {
                problems.append(AuditProblem(
                    .checkpointMismatch, .headOfUnknownCheckpoint(sealedSeq: head.seq),
                    record: chain.record, seq: head.seq, checkpointID: head.checkpointID))
                continue
            }
            matched.insert(position)
            let last = lastInRange[position].map { marks[$0] }
            if let last, last.seq == head.seq {
                if last.hash != head.hash { problems.append(event(last, .rechained, .headHashDiffers, head.checkpointID)) }
            } else if let last, last.seq > head.seq {
                let inserted = firstInRange(position, after: head.seq)!
                problems.append(event(inserted, .inserted, .unsealedInSealedRange, head.checkpointID))
            } else if head.seq <= marks.count {
                problems.append(event(marks[head.seq - 1], .inserted, .sealedEventMoved, head.checkpointID))
            } else {
                problems.append(AuditProblem(
                    .removed, .tailRemoved(sealedSeq: head.seq), record: chain.record, seq: marks.count + 1,
                    checkpointID: head.checkpointID))
            }
        }
        for position in lastInRange.keys where !matched.contains(position) {
            let inserted = firstInRange(position, after: 0)!
            problems.append(event(inserted, .inserted, .unsealedInSealedRange, checkpoints[position].id))
        }
        return problems.min { ($0.seq ?? 0) < ($1.seq ?? 0) }
    }

    /// A sealed head whose record has no event left.
    private func removedRecord(_ head: AuditCheckpointHead) -> AuditProblem {
        guard positions[head.checkpointID] != nil else {
            return AuditProblem(
                .checkpointMismatch, .headOfUnknownCheckpoint(sealedSeq: head.seq), record: head.record, seq: head.seq,
                checkpointID: head.checkpointID)
        }
        return AuditProblem(
            .removed, .tailRemoved(sealedSeq: head.seq), record: head.record, seq: 1, checkpointID: head.checkpointID)
    }

    private func compactHeads() {
        guard nextHead >= 4096, nextHead * 2 >= heads.count else { return }
        heads.removeFirst(nextHead)
        nextHead = 0
    }
}
