import Foundation
import Postgres

/// Commendation decisions, proposals upward and revocations (issue 4 §3): the secretariat drafts from approved
/// nominations, the chairman signs or sends back; signing numbers the decision in its series, decides the
/// nominations and makes the nominees' commendation records, in one transaction with its audit events. Every
/// call asks ``Policy`` first; migration 0010 enforces the same rules again, whatever SQL is sent.
///
/// ```swift
/// let decisions = DecisionRepository(store: store)
/// var decision = try await decisions.draft(DecisionDraft(
///     seriesID: series.id, decidedOn: day("2024-12-20"), subject: "Về việc khen thưởng phong trào nông thôn mới",
///     legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
///     items: [DecisionItemDraft(nominationID: approved.id, form: "giay-khen-chu-tich-huyen")]), by: secretary)
/// decision = try await decisions.sign(decision.id, version: decision.version, by: chairman)
/// decision.symbol   // "1/QĐ-UBND"
/// ```
///
/// A form the series' issuer may not confer on the decision's date is refused with
/// ``ThiduaError/notConferrable(form:proposeTo:)`` naming the level to propose it to; a nominee under a hold
/// with ``ThiduaError/underHold(_:)``; an achievement commended already with ``ThiduaError/alreadyCommended``.
/// A signed decision never changes (``DecisionRefusal/state(_:)``); one found to rest on false records is
/// cancelled by a new, signed revocation (``draftRevocation(of:on:subject:legalBases:reason:by:)``).
public struct DecisionRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// The registers of the actor's area.
    public func series(as actor: Actor) async throws -> [DecisionSeries] {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            try await connection.query("SELECT \(sql: DecisionSeries.columns) FROM thidua.decision_series ORDER BY code")
                .map(DecisionSeries.init(row:))
        }
    }

    // MARK: - Preparing (secretariat)

    /// Drafts a commendation decision, or a proposal when `draft.proposalTo` is set, with its items.
    public func draft(_ draft: DecisionDraft, by actor: Actor) async throws -> Decision {
        let capacity = try Policy.permit(actor, .prepare)
        let (subject, bases) = try Self.cleaned(subject: draft.subject, bases: draft.legalBases)
        guard !draft.items.isEmpty else {
            throw ThiduaError.invalid(field: "items", vietnamese: "Quyết định phải có ít nhất một người được khen thưởng.",
                                      english: "A decision needs at least one item.")
        }
        return try await store.write(actor, capacity, action: "\(draft.kind.rawValue).draft") { connection in
            let rows = try await connection.query("""
                INSERT INTO thidua.decisions (area_id, series_id, kind, decided_on, subject, legal_bases, addressed_to, drafted_by)
                VALUES (\(actor.areaID), \(draft.seriesID), \(draft.kind.rawValue), \(draft.decidedOn)::date, \(subject), \(bases),
                        \(draft.proposalTo?.rawValue), \(actor.userID))
                RETURNING id
                """)
            let id = try rows.single()!.decode(UUID.self, at: 0)
            let decision = try await load(id, on: connection)
            try await add(draft.items, to: decision, on: connection)
            return try await load(id, on: connection)
        }
    }

    /// Adds items to a decision being prepared.
    public func addItems(_ items: [DecisionItemDraft], to id: UUID, version: Int, by actor: Actor) async throws -> Decision {
        let capacity = try Policy.permit(actor, .prepare)
        return try await store.write(actor, capacity, action: "decision.add_items") { connection in
            let decision = try await perform(.editItems, on: try await lifecycle(of: id, on: connection), version: version, by: actor, on: connection)
            try await add(items, to: decision, on: connection)
            return try await load(id, on: connection)
        }
    }

    /// Takes an item out of a decision being prepared (kept, marked removed): the achievement is free again.
    public func removeItem(_ itemID: UUID, from id: UUID, version: Int, by actor: Actor) async throws -> Decision {
        let capacity = try Policy.permit(actor, .prepare)
        return try await store.write(actor, capacity, action: "decision.remove_item") { connection in
            _ = try await perform(.editItems, on: try await lifecycle(of: id, on: connection), version: version, by: actor, on: connection)
            let rows = try await connection.query("""
                UPDATE thidua.decision_items SET removed_at = now(), version = version + 1
                WHERE id = \(itemID) AND decision_id = \(id) AND removed_at IS NULL
                """)
            guard rows.affectedRows == 1 else { throw ThiduaError.notFound("dòng của quyết định / decision item") }
            return try await load(id, on: connection)
        }
    }

    /// Puts a decision the chairman sent back up for signature again.
    public func resubmit(_ id: UUID, version: Int, by actor: Actor) async throws -> Decision {
        let capacity = try Policy.permit(actor, .prepare)
        return try await store.write(actor, capacity, action: "decision.resubmit") { connection in
            try await perform(.resubmit, on: try await lifecycle(of: id, on: connection), version: version, by: actor, on: connection)
        }
    }

    /// Drafts the revocation of a signed commendation decision found to rest on false records (or unlawful
    /// appraisal, or criteria not met: Law chapter VII), numbered in the same series when signed. Signing it
    /// marks the decision and its commendation records revoked; nothing is deleted.
    public func draftRevocation(
        of targetID: UUID, on day: Date, subject: String, legalBases: [String], reason: String, by actor: Actor
    ) async throws -> Decision {
        let capacity = try Policy.permit(actor, .prepare)
        let (subject, bases) = try Self.cleaned(subject: subject, bases: legalBases)
        guard let reason = Text.cleaned(reason) else { throw ThiduaError.reasonRequired }
        return try await store.write(actor, capacity, action: "revocation.draft", reason: reason) { connection in
            let target = try await lifecycle(of: targetID, on: connection)
            _ = try DecisionLifecycle.next(from: target.state, kind: target.kind, on: .draftRevocation, by: actor)
            let rows = try await connection.query("""
                INSERT INTO thidua.decisions (area_id, series_id, kind, decided_on, subject, legal_bases, revokes_decision_id,
                                              revocation_reason, drafted_by)
                VALUES (\(actor.areaID), \(target.seriesID), 'revocation', \(day)::date, \(subject), \(bases), \(targetID),
                        \(reason), \(actor.userID))
                RETURNING id
                """)
            return try await load(try rows.single()!.decode(UUID.self, at: 0), on: connection)
        }
    }

    /// Records the higher level's answer to one item of a signed proposal: granted (with the higher level's
    /// decision, which becomes the nominee's commendation record) or refused.
    public func recordAnswer(
        _ answer: ProposalAnswer, item itemID: UUID, of id: UUID, reference: String, on day: Date, by actor: Actor
    ) async throws -> Decision {
        let capacity = try Policy.permit(actor, .prepare)
        guard let reference = Text.cleaned(reference) else {
            throw ThiduaError.invalid(field: "reference", vietnamese: "Phải ghi số, ngày văn bản trả lời của cấp trên.",
                                      english: "The higher level's answer needs its reference.")
        }
        return try await store.write(actor, capacity, action: "proposal.answer") { connection in
            let proposal = try await lifecycle(of: id, on: connection)
            _ = try DecisionLifecycle.next(from: proposal.state, kind: proposal.kind, on: .recordAnswer, by: actor)
            let rows = try await connection.query("""
                UPDATE thidua.decision_items
                SET answer = \(answer.rawValue), answer_reference = \(reference), answered_on = \(day)::date,
                    answered_by = \(actor.userID), version = version + 1
                WHERE id = \(itemID) AND decision_id = \(id) AND answer IS NULL AND removed_at IS NULL
                """)
            guard rows.affectedRows == 1 else { throw ThiduaError.notFound("dòng chưa được trả lời / unanswered proposal item") }
            return try await load(id, on: connection)
        }
    }

    // MARK: - Signing (chairman)

    /// Signs a draft: in person, or "KT. Chủ tịch" by a deputy holding the chairman's ký thay delegation. Numbers
    /// it, decides its nominations and makes the commendation records (or, for a revocation, revokes its target
    /// and the target's records), all in this transaction. Of two signings at once, one wins; the other gets
    /// ``DecisionRefusal/state(_:)`` (signed) or ``ThiduaError/staleVersion(expected:current:)``.
    public func sign(_ id: UUID, version: Int, by actor: Actor) async throws -> Decision {
        let capacity = try Policy.permit(actor, .sign)
        return try await store.write(actor, capacity, action: "decision.sign") { connection in
            if let chairman = capacity.onBehalfOf {
                let style = try await connection.query("""
                    SELECT style FROM thidua.delegations
                    WHERE delegate_id = \(actor.userID) AND delegator_id = \(chairman) AND role = 'chairman'
                      AND revoked_at IS NULL AND now() >= valid_from AND now() < valid_to
                    ORDER BY style = 'KT' DESC LIMIT 1
                    """).single()?.decode(String.self, at: 0)
                guard style == DelegationStyle.onBehalf.rawValue else { throw ThiduaError.denied(.signsOnlyInPersonOrKT) }
            }
            let decision = try await lifecycle(of: id, on: connection)
            if let targetID = decision.revokes {
                // Signing a revocation revokes its target (carry_out_decision, 0010): it must still be signed.
                let target = try await lifecycle(of: targetID, on: connection)
                _ = try DecisionLifecycle.next(from: target.state, kind: target.kind, on: .revoke, by: actor)
            }
            return try await perform(.sign, on: decision, version: version, by: actor, on: connection)
        }
    }

    /// Sends a draft back to the secretariat, with the reason.
    public func sendBack(_ id: UUID, version: Int, reason: String, by actor: Actor) async throws -> Decision {
        let capacity = try Policy.permit(actor, .sendBack)
        guard let reason = Text.cleaned(reason) else { throw ThiduaError.reasonRequired }
        return try await store.write(actor, capacity, action: "decision.send_back", reason: reason) { connection in
            try await perform(.sendBack, on: try await lifecycle(of: id, on: connection), version: version, by: actor, on: connection)
        }
    }

    // MARK: - Reading

    /// The decision with its items, as the actor may see it (drafts: the secretariat, the chairman, auditors).
    public func decision(_ id: UUID, as actor: Actor) async throws -> Decision {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in try await load(id, on: connection) }
    }

    /// The decision as printed: number, date, bases, items with their forms and rewards, and the signature.
    public func document(_ id: UUID, as actor: Actor) async throws -> DecisionDocument {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            try await document(of: try await load(id, on: connection), on: connection)
        }
    }

    /// The printed text of a loaded decision: form names, the signer's name, a revocation's target.
    func document(of decision: Decision, on connection: PostgresConnection) async throws -> DecisionDocument {
        var names: [String: String] = [:]
        for row in try await connection.query("SELECT code, name FROM thidua.commendation_forms") {
            names[try row.decode(column: "code")] = try row.decode(String.self, column: "name")
        }
        var signer: String?
        if let signedBy = decision.signedBy {
            signer = try await connection.query("SELECT full_name FROM thidua.users WHERE id = \(signedBy)").single()?.decode(String.self, at: 0)
        }
        var revoked: (symbol: String, date: Date)?
        if let target = decision.revokes {
            let cancelled = try await load(target, on: connection)
            revoked = cancelled.symbol.map { ($0, cancelled.decidedOn) }
        }
        var units: [UUID: String] = [:]
        for row in try await connection.query("SELECT id, name FROM thidua.units WHERE id = ANY (\(decision.liveItems.map(\.unitID)))") {
            units[try row.decode(UUID.self, at: 0)] = try row.decode(String.self, at: 1)
        }
        return DecisionDocument(decision: decision, formNames: names, unitNames: units, signerName: signer, revoked: revoked)
    }

    // MARK: - Steps shared by the calls

    private static func cleaned(subject: String, bases: [String]) throws -> (String, [String]) {
        guard let subject = Text.cleaned(subject) else {
            throw ThiduaError.invalid(field: "subject", vietnamese: "Quyết định phải có trích yếu.", english: "A decision needs its subject.")
        }
        let bases = bases.compactMap(Text.cleaned)
        guard !bases.isEmpty else {
            throw ThiduaError.invalid(field: "legalBases", vietnamese: "Quyết định phải có căn cứ pháp lý.",
                                      english: "A decision needs its legal bases.")
        }
        return (subject, bases)
    }

    /// Checks each nomination and form as the policy of the law reads them, then inserts the items; the
    /// database computes the rewards and checks holds and the achievement.
    private func add(_ items: [DecisionItemDraft], to decision: Decision, on connection: PostgresConnection) async throws {
        for item in items {
            let found = try await connection.query("SELECT state FROM thidua.nominations WHERE id = \(item.nominationID)")
            guard let row = try found.single() else { throw ThiduaError.notFound("hồ sơ đề nghị / nomination") }
            let state = try row.decodeEnum(NominationState.self, column: "state")
            do throws(WorkflowRefusal) {
                _ = try NominationWorkflow.next(from: state, on: .decide)
            } catch {
                throw ThiduaError.wrongState(error)
            }
            let route = try await LegalRules.route(item.form, from: decision.series.issuerLevel, on: decision.decidedOn, connection: connection)
            switch (decision.kind, route) {
            case (.commendation, .confer): break
            case (.commendation, .propose(let level)): throw ThiduaError.notConferrable(form: item.form, proposeTo: level)
            case (.proposal, .propose(let level)) where level == decision.addressedTo: break
            case (.proposal, .propose(let level)): throw ThiduaError.notConferrable(form: item.form, proposeTo: level)
            default: throw ThiduaError.notConferrable(form: item.form, proposeTo: nil)
            }
            _ = try await connection.query("""
                INSERT INTO thidua.decision_items (decision_id, nomination_id, area_id, unit_id, nominee_id, nominee_kind, nominee_name,
                                                   round_id, movement_id, form_code, type_code)
                SELECT \(decision.id), n.id, n.area_id, n.unit_id, n.nominee_id, n.nominee_kind, n.nominee_name, n.round_id,
                       n.movement_id, \(item.form), \(item.type.rawValue)
                FROM thidua.nominations n WHERE n.id = \(item.nominationID)
                """)
        }
    }

    /// What the lifecycle decides with, read under the actor's row-level security: invisible is not found.
    private func lifecycle(of id: UUID, on connection: PostgresConnection) async throws -> LifecycleFacts {
        let rows = try await connection.query("""
            SELECT id, kind, state, version, series_id, revokes_decision_id FROM thidua.decisions WHERE id = \(id)
            """)
        guard let row = try rows.single() else { throw ThiduaError.notFound("quyết định / decision") }
        return LifecycleFacts(
            id: try row.decode(column: "id"), kind: try row.decodeEnum(column: "kind"), state: try row.decodeEnum(column: "state"),
            version: try row.decode(column: "version"), seriesID: try row.decode(column: "series_id"),
            revokes: try row.decode(UUID?.self, column: "revokes_decision_id"))
    }

    /// Asks the lifecycle whether `event` applies to the decision as read, then performs the step: its next state
    /// and one version more, guarded by the version read so that a change made meanwhile is never overwritten.
    private func perform(
        _ event: DecisionEvent, on current: LifecycleFacts, version: Int, by actor: Actor, on connection: PostgresConnection
    ) async throws -> Decision {
        let step = try DecisionLifecycle.next(from: current.state, kind: current.kind, on: event, by: actor)
        guard current.version == version else { throw ThiduaError.staleVersion(expected: version, current: current.version) }
        let rows = try await connection.query("""
            UPDATE thidua.decisions SET state = \(step.state.rawValue), version = version + 1
            WHERE id = \(current.id) AND version = \(version)
            RETURNING id
            """)
        guard try rows.single() != nil else {
            // Changed meanwhile (two signings at once): the lifecycle says whether the step still applies.
            let now = try await lifecycle(of: current.id, on: connection)
            _ = try DecisionLifecycle.next(from: now.state, kind: now.kind, on: event, by: actor)
            throw ThiduaError.staleVersion(expected: version, current: now.version)
        }
        return try await load(current.id, on: connection)
    }

    func load(_ id: UUID, on connection: PostgresConnection) async throws -> Decision {
        let rows = try await connection.query("""
            SELECT \(sql: Decision.columns), d.series_id FROM thidua.decisions d WHERE d.id = \(id)
            """)
        guard let row = try rows.single() else { throw ThiduaError.notFound("quyết định / decision") }
        let seriesID = try row.decode(UUID.self, column: "series_id")
        let seriesRows = try await connection.query("SELECT \(sql: DecisionSeries.columns) FROM thidua.decision_series WHERE id = \(seriesID)")
        guard let series = try seriesRows.single().map(DecisionSeries.init(row:)) else {
            throw ThiduaError.notFound("sổ quyết định / decision series")
        }
        let items = try await connection.query("""
            SELECT \(sql: DecisionItem.columns) FROM thidua.decision_items WHERE decision_id = \(id) ORDER BY added_at, id
            """).map(DecisionItem.init(row:))
        let standing = try await connection.query("SELECT thidua.decision_standing_items(\(id))").single()?.decode(Int.self, at: 0) ?? 0
        let shown = items.filter { !$0.removed }.count
        return try Decision(row: row, series: series, items: items, withheldItems: max(0, standing - shown))
    }
}

/// A decision as the lifecycle sees it, with the series and target a revocation needs.
private struct LifecycleFacts {
    var id: UUID
    var kind: DecisionKind
    var state: DecisionState
    var version: Int
    var seriesID: UUID
    /// A revocation's target.
    var revokes: UUID?
}
