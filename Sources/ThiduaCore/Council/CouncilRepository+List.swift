import Foundation
import Postgres

extension CouncilRepository {
    /// The sessions the actor may see, open ones first, then the newest first; for a member, with what still
    /// waits for their vote.
    public func sessions(as actor: Actor) async throws -> [CouncilSessionSummary] {
        try Policy.permit(actor, CouncilAction.view)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT s.id, s.round_id, s.title, s.state, s.opened_at, s.closed_at,
                       (SELECT count(*)::integer FROM thidua.council_session_items i WHERE i.session_id = s.id) AS item_count,
                       coalesce((SELECT r.counts_for_quorum OR s.written_votes_allowed FROM thidua.council_roster r
                                 WHERE r.session_id = s.id AND r.user_id = \(actor.userID)), false) AS seated,
                       CASE WHEN s.state <> 'open' THEN 0 ELSE (
                           SELECT count(*)::integer FROM thidua.council_session_items i
                           WHERE i.session_id = s.id
                             AND EXISTS (SELECT FROM thidua.council_roster r
                                         WHERE r.session_id = s.id AND r.user_id = \(actor.userID)
                                           AND (r.counts_for_quorum OR s.written_votes_allowed))
                             AND NOT EXISTS (SELECT FROM thidua.council_votes v WHERE v.session_id = s.id
                                             AND v.nomination_id = i.nomination_id AND v.member_id = \(actor.userID))
                             AND NOT EXISTS (SELECT FROM thidua.council_recusals c WHERE c.session_id = s.id
                                             AND c.nomination_id = i.nomination_id AND c.member_id = \(actor.userID))
                       ) END AS awaiting_vote
                FROM thidua.council_sessions s
                ORDER BY s.state = 'open' DESC, s.opened_at DESC, s.id
                """).map(CouncilSessionSummary.init(row:))
        }
    }
}
