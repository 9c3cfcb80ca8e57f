import Foundation
import Postgres

extension CouncilRepository {
    /// Every council session the actor may see, open ones first, then the latest opened.
    public func sessions(as actor: Actor) async throws -> [CouncilSessionSummary] {
        try Policy.permit(actor, CouncilAction.view)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT s.id, s.round_id, s.title, s.state, s.opened_at, s.closed_at, s.version,
                       (SELECT count(*)::integer FROM thidua.council_session_items i WHERE i.session_id = s.id) AS item_count,
                       (SELECT count(*)::integer FROM thidua.council_roster r WHERE r.session_id = s.id) AS member_count
                FROM thidua.council_sessions s
                ORDER BY s.state = 'open' DESC, s.opened_at DESC
                """).map(CouncilSessionSummary.init(row:))
        }
    }
}
