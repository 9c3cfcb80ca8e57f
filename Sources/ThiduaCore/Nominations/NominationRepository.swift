import Foundation
import Postgres

/// Nominations and their workflow (DESIGN.md §5), each change one transaction with its audit event.
///
/// ```swift
/// let nominations = NominationRepository(store: store)
/// var nomination = try await nominations.create(draft, by: clerk)
/// nomination = try await nominations.perform(.submit, on: nomination.id, version: nomination.version, by: head)
/// nomination = try await nominations.perform(.returnByLeadUnit, on: nomination.id, version: nomination.version,
///                                            reason: "Thiếu số liệu doanh thu năm 2020", by: leadHead)
/// ```
/// A stale `version` is ``ThiduaError/staleVersion(expected:current:)``, an event out of turn
/// ``ThiduaError/wrongState(_:)``: never an overwrite.
public struct NominationRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Starts a draft for the actor's unit, registering the nominee when new.
    public func create(_ draft: NominationDraft, by actor: Actor) async throws -> Nomination {
        let unitID = draft.unitID ?? actor.unitID
        let facts = NominationFacts(
            unitID: unitID, movementID: draft.movementID, state: .draft, restricted: actor.unitKind == .armedForce)
        let capacity = try Policy.permit(actor, .create, on: facts)
        return try await store.write(actor, capacity, action: "nominee.register") { connection in
            try await insert(draft, unitID: unitID, by: actor, on: connection)
        }
    }

    /// Registers the draft's nominee (when new) and inserts the draft, audited as `nominee.register` then
    /// `nomination.create`: the one way a nomination is made, typed in (``create(_:by:)``) or imported.
    func insert(_ draft: NominationDraft, unitID: UUID, by actor: Actor, on connection: PostgresConnection) async throws -> Nomination {
        RecordStore.relabel(action: "nominee.register", on: connection)
        let movement = try await movement(draft.movementID, on: connection)
        let content = try draft.content.validated(for: movement)
        let (nomineeID, kind) = try await nominee(draft.nominee, unitID: unitID, actor: actor, on: connection)
        guard movement.nomineeKinds.contains(kind) else {
            throw ThiduaError.invalid(
                field: "nominee", vietnamese: "Phong trào không nhận đề nghị loại “\(kind.vietnamese)”.",
                english: "The movement does not take \(kind.rawValue) nominees.")
        }
        RecordStore.relabel(action: "nomination.create", on: connection)
        let rows = try await connection.query("""
            INSERT INTO thidua.nominations (area_id, round_id, movement_id, unit_id, nominee_id, nominee_kind,
                nominee_name, title, achievements, criteria_answers, indicators, created_by)
            VALUES (\(actor.areaID), \(draft.roundID), \(draft.movementID), \(unitID), \(nomineeID), \(kind.rawValue),
                \(content.nomineeName), \(content.title), \(content.achievements),
                \(PostgresJSON(content.criteriaAnswers)), \(PostgresJSON(content.indicators)), \(actor.userID))
            RETURNING \(sql: Nomination.columns)
            """)
        return try Nomination(row: rows.single()!)
    }

    /// Changes a draft's or a returned nomination's content.
    public func edit(_ id: UUID, version: Int, content: NominationContent, by actor: Actor) async throws -> Nomination {
        try await store.write(actor, nil, action: NominationEvent.edit.auditAction) { connection in
            let current = try await workflowFacts(id, on: connection)
            let capacity = try Policy.permit(actor, .workflow(.edit), on: current.facts)
            try check(current, event: .edit, version: version)
            let content = try content.validated(for: try await movement(current.facts.movementID, on: connection))
            RecordStore.act(in: capacity, on: connection)
            let rows = try await connection.query("""
                UPDATE thidua.nominations
                SET nominee_name = \(content.nomineeName), title = \(content.title), achievements = \(content.achievements),
                    criteria_answers = \(PostgresJSON(content.criteriaAnswers)), indicators = \(PostgresJSON(content.indicators)),
                    version = version + 1
                WHERE id = \(id) AND version = \(version) AND state IN ('draft', 'returned')
                RETURNING \(sql: Nomination.columns)
                """)
            return try await updated(rows, id: id, expected: version, event: .edit, on: connection)
        }
    }

    /// Takes one step of the workflow. Returns need a reason.
    public func perform(
        _ event: NominationEvent, on id: UUID, version: Int, reason: String? = nil, by actor: Actor
    ) async throws -> Nomination {
        precondition(event != .edit, "edits carry content: use edit(_:version:content:by:)")
        precondition(!event.isCouncilStep, "council steps are taken by opening and closing a session: use CouncilRepository")
        precondition(!event.isDecisionStep, "a nomination is decided by signing a decision: use DecisionRepository")
        let reason = Text.cleaned(reason)
        if event.needsReason, reason == nil { throw ThiduaError.reasonRequired }
        return try await store.write(actor, nil, action: event.auditAction, reason: reason) { connection in
            let current = try await workflowFacts(id, on: connection)
            let capacity = try Policy.permit(actor, .workflow(event), on: current.facts)
            let next = try check(current, event: event, version: version)
            if next == .verified {
                let missing = current.requiredKinds.filter { !current.presentKinds.contains($0) }
                guard missing.isEmpty else { throw ThiduaError.dossierIncomplete(missing: missing) }
            }
            RecordStore.act(in: capacity, on: connection)
            let submits = event == .submit
            let rows = try await connection.query("""
                UPDATE thidua.nominations
                SET state = \(next.rawValue), version = version + 1,
                    return_count = return_count + \(next == .returned ? 1 : 0),
                    submitted_by = CASE WHEN \(submits) THEN thidua.actor_id() ELSE submitted_by END,
                    submitted_at = CASE WHEN \(submits) THEN now() ELSE submitted_at END
                WHERE id = \(id) AND version = \(version) AND state = \(current.facts.state.rawValue)
                RETURNING \(sql: Nomination.columns)
                """)
            return try await updated(rows, id: id, expected: version, event: event, on: connection)
        }
    }

    /// One nomination, if the actor may see it.
    public func get(_ id: UUID, as actor: Actor) async throws -> Nomination {
        try await store.read(actor) { connection in
            let rows = try await connection.query("SELECT \(sql: Nomination.columns) FROM thidua.nominations WHERE id = \(id)")
            guard let row = try rows.single() else { throw ThiduaError.notFound("hồ sơ đề nghị / nomination") }
            return try Nomination(row: row)
        }
    }

    /// The nominations the actor may see that match `filter`, in Vietnamese order of the nominee's name.
    public func list(_ filter: NominationFilter, as actor: Actor) async throws -> [Nomination] {
        let pattern = filter.search.flatMap(Text.cleaned).map(SearchPattern.contains)
        let states = filter.states?.map(\.rawValue)
        let kinds = filter.nomineeKinds?.map(\.rawValue)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: Nomination.columns) FROM thidua.nominations
                WHERE (\(filter.roundID)::uuid IS NULL OR round_id = \(filter.roundID))
                  AND (\(filter.movementID)::uuid IS NULL OR movement_id = \(filter.movementID))
                  AND (\(filter.unitID)::uuid IS NULL OR unit_id = \(filter.unitID))
                  AND (\(states)::text[] IS NULL OR state = ANY (\(states)))
                  AND (\(kinds)::text[] IS NULL OR nominee_kind = ANY (\(kinds)))
                  AND (\(pattern)::text IS NULL OR thidua.unaccented(lower(nominee_name)) LIKE thidua.unaccented(\(pattern)))
                ORDER BY nominee_name COLLATE "vi-VN-x-icu", created_at DESC, id
                LIMIT \(min(max(filter.limit, 1), 1000)) OFFSET \(max(filter.offset, 0))
                """).map(Nomination.init(row:))
        }
    }

    // MARK: - Steps shared by the writes

    @discardableResult
    private func check(_ current: WorkflowFacts, event: NominationEvent, version: Int) throws(ThiduaError) -> NominationState {
        let next: NominationState
        do {
            next = try NominationWorkflow.next(from: current.facts.state, on: event, endorsedAtOnce: current.endorsedAtOnce)
        } catch {
            throw .wrongState(error)
        }
        guard current.version == version else { throw .staleVersion(expected: version, current: current.version) }
        return next
    }

    /// The row an UPDATE guarded by version and state returned; when it returned none, another writer got
    /// there first, and the caller learns what changed.
    private func updated(
        _ rows: PostgresRows, id: UUID, expected: Int, event: NominationEvent, on connection: PostgresConnection
    ) async throws -> Nomination {
        if let row = try rows.single() { return try Nomination(row: row) }
        let now = try await workflowFacts(id, on: connection)
        if now.version != expected { throw ThiduaError.staleVersion(expected: expected, current: now.version) }
        throw ThiduaError.wrongState(WorkflowRefusal(state: now.facts.state, event: event))
    }

    private func movement(_ id: UUID, on connection: PostgresConnection) async throws -> Movement {
        let rows = try await connection.query("SELECT \(sql: Movement.columns) FROM thidua.movements WHERE id = \(id)")
        guard let row = try rows.single() else { throw ThiduaError.notFound("phong trào / movement") }
        return try Movement(row: row)
    }

    private func nominee(
        _ choice: NomineeChoice, unitID: UUID, actor: Actor, on connection: PostgresConnection
    ) async throws -> (UUID, NomineeKind) {
        switch choice {
        case .existing(let id):
            let rows = try await connection.query("SELECT kind FROM thidua.nominees WHERE id = \(id)")
            guard let row = try rows.single() else { throw ThiduaError.notFound("người, tập thể được đề nghị / nominee") }
            return (id, try row.decodeEnum(column: "kind"))
        case .new(let nominee):
            let id = try await NomineeRepository.register(nominee, unitID: unitID, areaID: actor.areaID, on: connection)
            return (id, nominee.kind)
        }
    }

    /// What a transition needs to know, read under the actor's row-level security: invisible is not found.
    private func workflowFacts(_ id: UUID, on connection: PostgresConnection) async throws -> WorkflowFacts {
        let rows = try await connection.query("""
            SELECT n.unit_id, n.movement_id, n.state, n.version, n.restricted, n.submitted_by, r.required_dossier_kinds,
                   thidua.endorsed_at_once(n.movement_id, n.unit_id, n.restricted) AS endorsed_at_once,
                   ARRAY(SELECT DISTINCT a.dossier_kind FROM thidua.nomination_attachments a WHERE a.nomination_id = n.id) AS present
            FROM thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id
            WHERE n.id = \(id)
            """)
        guard let row = try rows.single() else { throw ThiduaError.notFound("hồ sơ đề nghị / nomination") }
        return WorkflowFacts(
            facts: NominationFacts(
                unitID: try row.decode(column: "unit_id"), movementID: try row.decode(column: "movement_id"),
                state: try row.decodeEnum(column: "state"), restricted: try row.decode(column: "restricted"),
                submittedBy: try row.decode(column: "submitted_by")),
            version: try row.decode(column: "version"),
            endorsedAtOnce: try row.decode(column: "endorsed_at_once"),
            requiredKinds: try row.decode([String].self, column: "required_dossier_kinds").compactMap(DossierKind.init(rawValue:)),
            presentKinds: Set(try row.decode([String].self, column: "present").compactMap(DossierKind.init(rawValue:)))
        )
    }
}

/// A nomination as a transition sees it, with its round's dossier requirements. The due date and the quota
/// are PostgreSQL's to enforce: its refusals carry them (``ThiduaError/pastDueDate(_:)``,
/// ``ThiduaError/quotaExceeded(maximum:)``).
struct WorkflowFacts {
    var facts: NominationFacts
    var version: Int
    /// No other unit endorses it: its submission waits for the secretariat at once.
    var endorsedAtOnce: Bool
    var requiredKinds: [DossierKind]
    var presentKinds: Set<DossierKind>
}
