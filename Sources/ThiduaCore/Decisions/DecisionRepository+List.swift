import Foundation
import Postgres

extension DecisionRepository {
    /// The decisions the actor may see in the given states (all when empty): those being prepared first, then
    /// the newest; row-level security shows drafts only to those who prepare, sign or audit them.
    public func list(states: Set<DecisionState> = [], as actor: Actor) async throws -> [DecisionSummary] {
        try Policy.permit(actor, .view)
        let wanted = (states.isEmpty ? Set(DecisionState.allCases) : states).map(\.rawValue).sorted()
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT d.id, d.kind, d.state, s.issuing_body, s.suffix, d.decided_on, d.subject, d.number, d.signed_at,
                       (SELECT count(*)::integer FROM thidua.decision_items i
                        WHERE i.decision_id = d.id AND i.removed_at IS NULL) AS item_count
                FROM thidua.decisions d JOIN thidua.decision_series s ON s.id = d.series_id
                WHERE d.state = ANY (\(wanted)::text[])
                ORDER BY d.state IN ('draft', 'returned') DESC, coalesce(d.signed_at, d.drafted_at) DESC, d.id
                """).map(DecisionSummary.init(row:))
        }
    }
}
