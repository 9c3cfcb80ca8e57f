import Foundation
import Postgres

/// Council review sessions (issue 4 §1): the secretariat opens one over verified nominations, members vote or
/// recuse themselves, the secretariat closes it and each nomination takes the outcome of the session's rule.
/// Every call is one transaction with its audit events; migration 0009 enforces the same rules again.
///
/// ```swift
/// let council = CouncilRepository(store: store)
/// var session = try await council.open(round: round, title: "Phiên họp xét khen thưởng đợt 1",
///                                      nominations: [first.id, second.id], by: secretary)
/// var vote = try await council.vote(.approve, comment: "Thành tích tiêu biểu", on: first.id, in: session.id,
///                                   version: 0, by: member)
/// vote = try await council.vote(.abstain, on: first.id, in: session.id, version: vote.version, by: member)
/// session = try await council.close(session.id, version: session.version, by: secretary)
/// session.item(first.id)?.outcome   // .approved, .rejected or .noQuorum (back to verified for another session)
/// ```
///
/// Opening freezes the roster: everyone of the area who holds `council_member` or `chairman` at that moment,
/// `excused` ones kept on it, absent (they count in every base counted on members, and vote in writing where the
/// rule allows it); a member whose own unit submitted a nomination is recused from it by default. The rule
/// is the one named, else the round's, else the default in force that day (`council_rules`, 0009), snapshotted
/// into the session. Under a secret ballot a vote is kept as participation only (no choice, no comment, for
/// anyone, the voter included); the choices are counted when the session closes and can never be traced back.
public struct CouncilRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    // MARK: - Rules

    /// The rules the actor's area may use: the law's and its own.
    public func rules(as actor: Actor) async throws -> [CouncilRuleRecord] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: CouncilRuleRecord.columns) FROM thidua.council_rules ORDER BY area_id NULLS FIRST, code
                """).map(CouncilRuleRecord.init(row:))
        }
    }

    /// Adds a rule of the actor's area (secretariat), e.g. a district's own working rule; `isDefault` makes it
    /// the area's default from `validFrom` on. Returns its id.
    public func addRule(
        _ rule: CouncilRule, code: String, name: String, isDefault: Bool = false, validFrom: Date, by actor: Actor
    ) async throws -> UUID {
        let capacity = try Policy.permit(actor, CatalogueAction.manageRounds)
        guard let name = Text.cleaned(name), let basis = Text.cleaned(rule.legalBasis) else {
            throw ThiduaError.invalid(field: "rule", vietnamese: "Quy tắc phải có tên và căn cứ pháp lý.",
                                      english: "A rule needs a name and its legal basis.")
        }
        return try await store.write(actor, capacity, action: "council.rule.add") { connection in
            try await connection.query("""
                INSERT INTO thidua.council_rules (area_id, code, name, quorum_numerator, quorum_denominator,
                    threshold_numerator, threshold_denominator, strictly_more, base, ballot, tie_break, recused_excluded,
                    written_votes_allowed, legal_basis, is_default, valid_from)
                VALUES (\(actor.areaID), \(code), \(name), \(rule.quorumNumerator), \(rule.quorumDenominator),
                    \(rule.thresholdNumerator), \(rule.thresholdDenominator), \(rule.strictlyMore), \(rule.base.rawValue),
                    \(rule.ballot.rawValue), \(rule.tieBreak.rawValue), \(rule.recusedExcluded), \(rule.writtenVotesAllowed),
                    \(basis), \(isDefault), \(validFrom)::date)
                RETURNING id
                """).single()!.decode(UUID.self, at: 0)
        }
    }

    // MARK: - Sessions

    /// Opens a session over verified nominations of one round (secretariat): they go in review, the roster is
    /// frozen and default recusals made, all in one transaction. `rule` overrides the round's and the default.
    public func open(
        round roundID: UUID, title: String, nominations: [UUID], rule ruleID: UUID? = nil, excused: Set<UUID> = [],
        by actor: Actor
    ) async throws -> CouncilSession {
        let capacity = try Policy.permit(actor, CouncilAction.open)
        guard let title = Text.cleaned(title) else {
            throw ThiduaError.invalid(field: "title", vietnamese: "Phiên họp phải có tên.", english: "A session needs a title.")
        }
        var seen = Set<UUID>()
        let ids = nominations.filter { seen.insert($0).inserted }
        guard !ids.isEmpty else {
            throw ThiduaError.invalid(field: "nominations", vietnamese: "Phiên họp phải có ít nhất một hồ sơ.",
                                      english: "A session needs at least one nomination.")
        }
        return try await store.write(actor, capacity, action: "council.open") { connection in
            let found = try await connection.query("""
                SELECT id, state, round_id FROM thidua.nominations WHERE id = ANY (\(ids))
                """)
            var states: [UUID: NominationState] = [:]
            for row in found {
                guard try row.decode(UUID.self, column: "round_id") == roundID else {
                    throw ThiduaError.invalid(field: "nominations", vietnamese: "Hồ sơ thuộc đợt khác.",
                                              english: "A nomination belongs to another round.")
                }
                states[try row.decode(column: "id")] = try row.decodeEnum(column: "state")
            }
            for id in ids {
                guard let state = states[id] else { throw ThiduaError.notFound("hồ sơ đề nghị / nomination") }
                do throws(WorkflowRefusal) {
                    _ = try NominationWorkflow.next(from: state, on: .putBeforeCouncil)
                } catch {
                    throw ThiduaError.wrongState(error)
                }
            }
            let sessionID = try await connection.query("""
                INSERT INTO thidua.council_sessions (area_id, round_id, title, rule_id, opened_by)
                VALUES (\(actor.areaID), \(roundID), \(title), \(ruleID), \(actor.userID))
                RETURNING id
                """).single()!.decode(UUID.self, at: 0)
            _ = try await connection.query("""
                INSERT INTO thidua.council_session_items (session_id, nomination_id) SELECT \(sessionID), unnest(\(ids)::uuid[])
                """)
            RecordStore.relabel(action: NominationEvent.putBeforeCouncil.auditAction, on: connection)
            let moved = try await connection.query("""
                UPDATE thidua.nominations SET state = 'in_review', version = version + 1
                WHERE id = ANY (\(ids)) AND state = 'verified'
                RETURNING id
                """)
            if moved.count != ids.count {
                throw ThiduaError.wrongState(WorkflowRefusal(state: .inReview, event: .putBeforeCouncil))
            }
            RecordStore.relabel(action: "council.freeze_roster", on: connection)
            _ = try await connection.query("SELECT thidua.freeze_council_roster(\(sessionID), \(Array(excused))::uuid[])")
            return try await load(sessionID, on: connection)
        }
    }

    /// Closes an open session (secretariat): tallies every item by the session's rule and moves each nomination
    /// to approved, rejected, or back to verified without a quorum, in one transaction. A vote that races the
    /// close is either counted or refused with ``CouncilSessionRefusal/sessionClosed``.
    public func close(_ sessionID: UUID, version: Int, by actor: Actor) async throws -> CouncilSession {
        // The role first, so that someone who may not close a session learns that rather than "not found".
        try Policy.permit(actor, CouncilAction.close)
        return try await store.write(actor, nil, action: CouncilEvent.close.auditAction) { connection in
            let current = try await sessionState(sessionID, on: connection)
            // The close concerns no nomination: the closer's standing plays no part.
            let step = try CouncilSessionMachine.next(from: .init(session: current.state, standing: .offRoster), on: .close, by: actor)
            guard current.version == version else { throw ThiduaError.staleVersion(expected: version, current: current.version) }
            RecordStore.act(in: step.capacity, on: connection)
            let closed = try await connection.query("""
                UPDATE thidua.council_sessions SET state = \(step.state.session.rawValue), closed_by = \(actor.userID), version = version + 1
                WHERE id = \(sessionID) AND version = \(version)
                RETURNING ballot
                """)
            guard let row = try closed.single() else {
                // Closed or changed by someone else since it was read: the machine says which, on what is there now.
                let now = try await sessionState(sessionID, on: connection)
                _ = try CouncilSessionMachine.next(from: .init(session: now.state, standing: .offRoster), on: .close, by: actor)
                throw ThiduaError.staleVersion(expected: version, current: now.version)
            }
            RecordStore.relabel(action: "council.tally", on: connection)
            if try row.decodeEnum(CouncilRule.Ballot.self, column: "ballot") == .secret {
                try await tallySealedBallots(of: sessionID, on: connection)
            } else {
                _ = try await connection.query("UPDATE thidua.council_session_items SET tallied_at = now() WHERE session_id = \(sessionID)")
            }
            // Each nomination takes the workflow's step for its item's outcome, computed by the tally.
            var ids: [UUID] = [], states: [String] = []
            for item in try await connection.query("""
                SELECT nomination_id, outcome FROM thidua.council_session_items WHERE session_id = \(sessionID)
                """) {
                let outcome = try item.decodeEnum(CouncilOutcome.self, column: "outcome")
                do throws(WorkflowRefusal) {
                    states.append(try NominationWorkflow.next(from: .inReview, on: outcome.nominationEvent).rawValue)
                } catch {
                    throw ThiduaError.wrongState(error)
                }
                ids.append(try item.decode(column: "nomination_id"))
            }
            RecordStore.relabel(action: "nomination.council_outcome", on: connection)
            _ = try await connection.query("""
                UPDATE thidua.nominations n SET state = o.state, version = n.version + 1
                FROM unnest(\(ids)::uuid[], \(states)::text[]) AS o (id, state)
                WHERE n.id = o.id AND n.state = \(NominationState.inReview.rawValue)
                """)
            return try await load(sessionID, on: connection)
        }
    }

    /// Opens the session's sealed ballots with the server's key and records only their counts (0033), in the
    /// transaction that closes it.
    private func tallySealedBallots(of sessionID: UUID, on connection: PostgresConnection) async throws {
        guard let key = store.ballotKey else { throw ThiduaError.ballotKeyMissing }
        let ballots = try await connection.query("""
            SELECT nomination_id, member_id, version, sealed FROM thidua.sealed_ballots(\(sessionID))
            """).map { row in
            let (nomination, member, version, sealed) = try row.decode((UUID, UUID, Int, Data).self)
            return (nomination: nomination, member: member, version: version, sealed: Array(sealed))
        }
        let counts: [UUID: SealedBallot.Counts]
        do {
            counts = try SealedBallot.count(ballots, key: key, session: sessionID)
        } catch {
            throw ThiduaError.ballotsUnopenable
        }
        let items = Array(counts.keys)
        _ = try await connection.query("""
            SELECT thidua.tally_secret_ballots(\(sessionID), \(items)::uuid[], \(items.map { counts[$0]!.approve })::integer[],
                                               \(items.map { counts[$0]!.reject })::integer[], \(items.map { counts[$0]!.abstain })::integer[])
            """)
    }

    /// The session as the actor may see it.
    public func session(_ sessionID: UUID, as actor: Actor) async throws -> CouncilSession {
        try Policy.permit(actor, CouncilAction.view)
        return try await store.read(actor) { connection in try await load(sessionID, on: connection) }
    }

    // MARK: - Members

    /// Casts (`version` 0) or changes (`version` = the vote's current version) the acting member's vote on a
    /// nomination. A stale version is ``ThiduaError/staleVersion(expected:current:)``. Under a secret ballot
    /// the comment must be empty and the returned vote shows participation only.
    public func vote(
        _ choice: VoteChoice, comment: String? = nil, on nominationID: UUID, in sessionID: UUID, version: Int, by actor: Actor
    ) async throws -> CouncilVote {
        try Policy.permit(actor, CouncilAction.vote)
        let event: CouncilEvent = version == 0 ? .castVote : .changeVote
        let comment = comment.flatMap(Text.cleaned)
        return try await store.write(actor, nil, action: event.auditAction) { connection in
            let seat = try await seat(of: actor, on: nominationID, in: sessionID, on: connection)
            let step = try CouncilSessionMachine.next(from: seat.state, on: event, by: actor)
            guard seat.hasItem else { throw ThiduaError.notFound("hồ sơ trong phiên họp / session item") }
            guard seat.version == version else { throw ThiduaError.staleVersion(expected: version, current: seat.version) }
            RecordStore.act(in: step.capacity, on: connection)
            let rows: PostgresRows
            if seat.ballot == .secret {
                guard comment == nil else {
                    throw ThiduaError.invalid(field: "comment", vietnamese: "Bỏ phiếu kín không kèm ý kiến.",
                                              english: "A secret ballot carries no comment.")
                }
                guard let key = store.ballotKey else { throw ThiduaError.ballotKeyMissing }
                // Sealed under the version this cast or change makes (a vote is 1 when cast, one more each change).
                let sealed = SealedBallot.seal(choice, key: key, session: sessionID, nomination: nominationID, member: actor.userID, version: version + 1)
                let cast = try await connection.query("""
                    SELECT thidua.cast_secret_vote(\(sessionID), \(nominationID), \(Data(sealed)), \(version)::integer)
                    """).single()!.decode(Int?.self, at: 0)
                rows = try await connection.query("""
                    SELECT \(sql: CouncilVote.columns) FROM thidua.council_votes
                    WHERE \(cast)::integer IS NOT NULL
                      AND session_id = \(sessionID) AND nomination_id = \(nominationID) AND member_id = \(actor.userID)
                    """)
            } else if event == .castVote {
                rows = try await connection.query("""
                    INSERT INTO thidua.council_votes (session_id, nomination_id, member_id, choice, comment)
                    VALUES (\(sessionID), \(nominationID), \(actor.userID), \(choice.rawValue), \(comment))
                    ON CONFLICT DO NOTHING
                    RETURNING \(sql: CouncilVote.columns)
                    """)
            } else {
                rows = try await connection.query("""
                    UPDATE thidua.council_votes SET choice = \(choice.rawValue), comment = \(comment), version = version + 1
                    WHERE session_id = \(sessionID) AND nomination_id = \(nominationID) AND member_id = \(actor.userID)
                      AND version = \(version)
                    RETURNING \(sql: CouncilVote.columns)
                    """)
            }
            if let row = try rows.single() { return try CouncilVote(row: row) }
            // Another vote of the member's (a second tab) got there first: the machine refuses on what is there
            // now (a first vote already in), else the vote moved on to another version.
            let now = try await self.seat(of: actor, on: nominationID, in: sessionID, on: connection)
            _ = try CouncilSessionMachine.next(from: now.state, on: event, by: actor)
            throw ThiduaError.staleVersion(expected: version, current: now.version)
        }
    }

    /// The acting member steps aside from a nomination, with the reason, before voting on it.
    public func recuse(from nominationID: UUID, in sessionID: UUID, reason: String, by actor: Actor) async throws -> CouncilRecusal {
        try Policy.permit(actor, CouncilAction.recuse)
        guard let reason = Text.cleaned(reason) else { throw ThiduaError.reasonRequired }
        return try await store.write(actor, nil, action: CouncilEvent.recuse.auditAction, reason: reason) { connection in
            let seat = try await seat(of: actor, on: nominationID, in: sessionID, on: connection)
            let step = try CouncilSessionMachine.next(from: seat.state, on: .recuse, by: actor)
            guard seat.hasItem else { throw ThiduaError.notFound("hồ sơ trong phiên họp / session item") }
            RecordStore.act(in: step.capacity, on: connection)
            let rows = try await connection.query("""
                INSERT INTO thidua.council_recusals (session_id, nomination_id, member_id, reason)
                VALUES (\(sessionID), \(nominationID), \(actor.userID), \(reason))
                RETURNING \(sql: CouncilRecusal.columns)
                """)
            return try CouncilRecusal(row: rows.single()!)
        }
    }

    // MARK: - Steps shared by the calls

    /// The actor's place in the session for one nomination, read under their row-level security.
    private func seat(of actor: Actor, on nominationID: UUID, in sessionID: UUID, on connection: PostgresConnection) async throws -> Seat {
        let rows = try await connection.query("""
            SELECT s.state, s.ballot,
                   EXISTS (SELECT FROM thidua.council_session_items i WHERE i.session_id = s.id AND i.nomination_id = \(nominationID)) AS has_item,
                   coalesce((SELECT r.counts_for_quorum OR s.written_votes_allowed FROM thidua.council_roster r
                             WHERE r.session_id = s.id AND r.user_id = \(actor.userID)), false) AS seated,
                   EXISTS (SELECT FROM thidua.council_recusals c
                           WHERE c.session_id = s.id AND c.nomination_id = \(nominationID) AND c.member_id = \(actor.userID)) AS recused,
                   coalesce((SELECT v.version FROM thidua.council_votes v
                             WHERE v.session_id = s.id AND v.nomination_id = \(nominationID) AND v.member_id = \(actor.userID)), 0) AS version
            FROM thidua.council_sessions s WHERE s.id = \(sessionID)
            """)
        guard let row = try rows.single() else { throw ThiduaError.notFound("phiên họp Hội đồng / council session") }
        let (seated, recused, version) = (try row.decode(Bool.self, column: "seated"), try row.decode(Bool.self, column: "recused"),
                                          try row.decode(Int.self, column: "version"))
        let standing: CouncilStanding = !seated ? .offRoster : recused ? .recused : version == 0 ? .undecided : .voted
        return Seat(
            state: .init(session: try row.decodeEnum(column: "state"), standing: standing),
            ballot: try row.decodeEnum(column: "ballot"), hasItem: try row.decode(column: "has_item"), version: version)
    }

    /// The session's state and version, as a close reads them.
    private func sessionState(_ sessionID: UUID, on connection: PostgresConnection) async throws -> (state: CouncilSession.State, version: Int) {
        let rows = try await connection.query("SELECT state, version FROM thidua.council_sessions WHERE id = \(sessionID)")
        guard let row = try rows.single() else { throw ThiduaError.notFound("phiên họp Hội đồng / council session") }
        return (try row.decodeEnum(column: "state"), try row.decode(column: "version"))
    }

    func load(_ sessionID: UUID, on connection: PostgresConnection) async throws -> CouncilSession {
        let rows = try await connection.query("SELECT \(sql: CouncilSession.columns) FROM thidua.council_sessions WHERE id = \(sessionID)")
        guard let row = try rows.single() else { throw ThiduaError.notFound("phiên họp Hội đồng / council session") }
        let roster = try await connection.query("""
            SELECT \(sql: CouncilSeat.columns) FROM thidua.council_roster WHERE session_id = \(sessionID) ORDER BY user_id
            """).map(CouncilSeat.init(row:))
        let votes = try await connection.query("""
            SELECT \(sql: CouncilVote.columns) FROM thidua.council_votes WHERE session_id = \(sessionID) ORDER BY member_id
            """).map(CouncilVote.init(row:))
        let recusals = try await connection.query("""
            SELECT \(sql: CouncilRecusal.columns) FROM thidua.council_recusals WHERE session_id = \(sessionID) ORDER BY member_id
            """).map(CouncilRecusal.init(row:))
        let items = try await connection.query("""
            SELECT \(sql: CouncilItem.columns) FROM thidua.council_session_items WHERE session_id = \(sessionID) ORDER BY nomination_id
            """).map { item in
            let nominationID = try item.decode(UUID.self, column: "nomination_id")
            return try CouncilItem(
                row: item, votes: votes.filter { $0.nominationID == nominationID },
                recusals: recusals.filter { $0.nominationID == nominationID })
        }
        return try CouncilSession(row: row, roster: roster, items: items)
    }
}

/// A member's place in a session for one nomination, as a vote or a recusal reads it.
private struct Seat {
    /// The session's state and the member's standing on the nomination, as the machine takes them.
    var state: CouncilSessionMachine.State
    var ballot: CouncilRule.Ballot
    /// The nomination is before the session, as far as the actor may see (a nomination back to verified after
    /// a close without quorum is out of the council's sight).
    var hasItem: Bool
    /// The version of the member's vote on it; 0 when they have not voted.
    var version: Int
}
