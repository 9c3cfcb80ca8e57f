import Postgres

/// Recomputes the whole audit trail outside the database and names the first thing that does not match: an
/// event edited, removed or inserted, a chain rewritten, a checkpoint altered, or a root that is not the one
/// the auditor kept (DESIGN.md §6), or a live record the trail no longer covers (``AuditCoverage``).
///
/// ```swift
/// let verification = try await AuditVerifier(connection: connection).verify(expecting: .latest(keptRoot)) { checked, total in
///     print("\(checked) / \(total ?? 0)")
/// }
/// if let problem = verification.problem { print(problem.vietnamese) }
/// ```
///
/// The events are read in byte order of their record, then seq, in keyset-paginated batches of `batchSize`
/// (the next batch is fetched while this one is hashed), all in one read-only REPEATABLE READ transaction, so
/// events written meanwhile are not half seen. The session must see the whole trail: a superuser or a
/// `BYPASSRLS` role (row-level security would hide records, which would then look removed).
///
/// What it cannot see: the last events of a chain removed before any checkpoint sealed them, and a superuser
/// who rewrote the events, the heads and every checkpoint consistently, unless a root kept outside the
/// database is given.
public struct AuditVerifier: Sendable {
    public let connection: PostgresConnection
    /// Events (and heads) read per query.
    public let batchSize: Int

    public init(connection: PostgresConnection, batchSize: Int = 20_000) {
        precondition(batchSize > 0, "a batch holds at least one event")
        self.connection = connection
        self.batchSize = batchSize
    }

    /// Verifies everything; `progress` is told after each batch how many events were checked, out of how many
    /// the checkpoints and the unsealed tail announce.
    public func verify(
        expecting expectedRoot: AuditExpectedRoot? = nil,
        progress: (@Sendable (_ checked: Int, _ total: Int?) -> Void)? = nil
    ) async throws -> AuditVerification {
        try await connection.withTransaction(isolation: .repeatableRead, readOnly: true) { connection in
            try await verify(on: connection, expecting: expectedRoot, progress: progress)
        }
    }

    private func verify(
        on connection: PostgresConnection, expecting expectedRoot: AuditExpectedRoot?,
        progress: (@Sendable (_ checked: Int, _ total: Int?) -> Void)?
    ) async throws -> AuditVerification {
        let view = try await connection.query("""
            SELECT current_user::text, r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user
            """).single()
        guard let view, try view.decode(Bool.self, at: 1) else {
            throw AuditVerifierError.partialView(role: try view?.decode(String.self, at: 0) ?? "?")
        }
        let checkpoints = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT \(AuditCheckpoint.columns) FROM thidua.audit_checkpoints ORDER BY id
            """)).map(AuditCheckpoint.init(row:))
        var verification = AuditVerification(
            problem: nil, eventsChecked: 0, records: 0, checkpoints: checkpoints.count, unsealedEvents: 0,
            latestRoot: checkpoints.last?.root)
        if let problem = AuditCheckpointChain.problem(in: checkpoints, expecting: expectedRoot) {
            verification.problem = problem
            return verification
        }
        let total = try await connection.query("""
            SELECT (coalesce((SELECT sum(c.event_count) FROM thidua.audit_checkpoints c), 0)
                    + (SELECT count(*) FROM thidua.audit_events e
                       WHERE e.id > coalesce((SELECT max(c.last_event_id) FROM thidua.audit_checkpoints c), 0)))::bigint
            """).first?.decode(Int.self, at: 0)

        let checker = AuditChainChecker(checkpoints: checkpoints)
        func counted(_ problem: AuditProblem?) -> AuditVerification {
            verification.problem = problem
            verification.eventsChecked = checker.eventsChecked
            verification.records = checker.records
            verification.unsealedEvents = checker.unsealedEvents
            return verification
        }
        var next: Step? = try await Self.fetch(on: connection, after: nil, headsAfter: nil, batchSize: batchSize)
        while let step = next {
            async let following = Self.fetch(following: step, on: connection, batchSize: batchSize)
            for rows in step.heads {
                checker.receive(try rows.map(AuditCheckpointHead.init(row:)))
            }
            for row in step.events {
                if let problem = checker.check(try AuditEventBytes(row: row)) {
                    _ = try? await following
                    return counted(try await attributed(problem, checkpoints: checkpoints, on: connection))
                }
            }
            progress?(checker.eventsChecked, total)
            next = try await following
        }
        if let problem = checker.finish() {
            return counted(try await attributed(problem, checkpoints: checkpoints, on: connection))
        }
        // Every chain holds; whether the chains still cover every record is read from the records, in the same snapshot.
        return counted(try await AuditCoverage.problem(on: connection))
    }

    /// A problem found against a checkpoint's heads blames the events only if the heads are the ones sealed;
    /// otherwise it is the checkpoint that was forged.
    private func attributed(_ problem: AuditProblem, checkpoints: [AuditCheckpoint], on connection: PostgresConnection) async throws -> AuditProblem {
        guard problem.restsOnHeads, let checkpoint = checkpoints.first(where: { $0.id == problem.checkpointID }) else { return problem }
        var query = PostgresQuery(unsafeSQL: """
            SELECT \(AuditCheckpointHead.columns) FROM thidua.audit_checkpoint_heads WHERE checkpoint_id = $1
            ORDER BY record_type, record_id
            """)
        query.bindings.append(checkpoint.id)
        let heads = try await connection.query(query)
        guard AuditCanonical.headsDigest(try heads.map(AuditCheckpointHead.init(row:))) == checkpoint.headsDigest else {
            return AuditProblem(.checkpointMismatch, .headsDigestDiffers, checkpointID: checkpoint.id)
        }
        return problem
    }

    /// One batch of events, with every head of the records up to the batch's last (all remaining heads once
    /// the events are exhausted), so each record's heads are in before the record is finished.
    private struct Step: Sendable {
        var events: PostgresRows
        var heads: [PostgresRows]
        var lastEvent: EventKey?
        var lastHead: HeadKey?
        var isLast: Bool
    }

    private struct EventKey: Sendable {
        var recordType: String
        var recordID: String
        var seq: Int32
        var id: Int64
    }

    private struct HeadKey: Sendable {
        var recordType: String
        var recordID: String
        var seq: Int32
        var checkpointID: Int64
    }

    private static func fetch(following step: Step, on connection: PostgresConnection, batchSize: Int) async throws -> Step? {
        guard !step.isLast else { return nil }
        return try await fetch(on: connection, after: step.lastEvent, headsAfter: step.lastHead, batchSize: batchSize)
    }

    private static let chainOrder = #"ORDER BY record_type COLLATE "C", record_id COLLATE "C", seq, id"#

    private static func fetch(
        on connection: PostgresConnection, after: EventKey?, headsAfter: HeadKey?, batchSize: Int
    ) async throws -> Step {
        var bindings = PostgresBindings()
        var sql = "SELECT \(AuditChainEvent.columns) FROM thidua.audit_events "
        if let after {
            sql += #"WHERE (record_type COLLATE "C", record_id COLLATE "C", seq, id) > ($1, $2, $3, $4) "#
            bindings.append(after.recordType)
            bindings.append(after.recordID)
            bindings.append(after.seq)
            bindings.append(after.id)
        }
        bindings.append(Int64(batchSize))
        sql += "\(chainOrder) LIMIT $\(bindings.count)"
        let events = try await connection.query(PostgresQuery(unsafeSQL: sql, bindings: bindings))
        let isLast = events.count < batchSize
        let lastEvent = try events.last.map {
            EventKey(
                recordType: try $0.decode(String.self, at: 3), recordID: try $0.decode(String.self, at: 4),
                seq: try $0.decode(Int32.self, at: 5), id: try $0.decode(Int64.self, at: 0))
        } ?? after

        var heads: [PostgresRows] = []
        var lastHead = headsAfter
        while true {
            let rows = try await connection.query(headsQuery(after: lastHead, through: isLast ? nil : lastEvent, limit: batchSize))
            if let row = rows.last {
                heads.append(rows)
                lastHead = HeadKey(
                    recordType: try row.decode(String.self, at: 0), recordID: try row.decode(String.self, at: 1),
                    seq: try row.decode(Int32.self, at: 2), checkpointID: try row.decode(Int64.self, at: 3))
            }
            if rows.count < batchSize { break }
        }
        return Step(events: events, heads: heads, lastEvent: lastEvent, lastHead: lastHead, isLast: isLast)
    }

    /// Heads after `after` (from the start when `nil`) of records up to `through`'s (all when `nil`), in the
    /// order they are digested in: the columns are `COLLATE "C"`.
    private static func headsQuery(after: HeadKey?, through: EventKey?, limit: Int) -> PostgresQuery {
        var bindings = PostgresBindings()
        var conditions: [String] = []
        if let after {
            bindings.append(after.recordType)
            bindings.append(after.recordID)
            bindings.append(after.seq)
            bindings.append(after.checkpointID)
            conditions.append("(record_type, record_id, seq, checkpoint_id) > ($1, $2, $3, $4)")
        }
        if let through {
            bindings.append(through.recordType)
            bindings.append(through.recordID)
            conditions.append("(record_type, record_id) <= ($\(bindings.count - 1), $\(bindings.count))")
        }
        bindings.append(Int64(limit))
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") + " "
        return PostgresQuery(unsafeSQL: """
            SELECT \(AuditCheckpointHead.columns) FROM thidua.audit_checkpoint_heads \(filter)\
            ORDER BY record_type, record_id, seq, checkpoint_id LIMIT $\(bindings.count)
            """, bindings: bindings)
    }
}
