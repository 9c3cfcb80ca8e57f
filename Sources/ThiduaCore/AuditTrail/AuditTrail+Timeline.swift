import Foundation
import Postgres

extension AuditTrail {
    /// Everything that happened to a nomination, oldest first, in one list: its own changes, its nominee's (and
    /// the nominee's personal details'), its documents, the council's items, recusals and votes on it, its
    /// public notices and their objections, the decision items that carry it and the commendation records they
    /// made. A secret ballot's vote is there as participation only: its choice is in no audited row (0009).
    /// Under row-level security (0024), as every history: auditors and the secretariat see it all.
    public func timeline(ofNomination id: UUID, as actor: Actor) async throws -> [AuditEvent] {
        _ = try Policy.permit(actor, .searchAuditTrail)
        return try await store.report(actor) { connection in
            try await connection.query("""
                WITH picked (id) AS (SELECT unnest(\([id])::uuid[])), \(sql: Self.timelineKeys)
                SELECT \(sql: AuditEvent.columns) FROM thidua.audit_events e
                JOIN keys ON e.record_type = keys.t AND e.record_id = keys.k
                ORDER BY e.occurred_at, e.id
                """).map(AuditEvent.init(row:))
        }
    }

    /// The records of the nominations in `picked (id)` whose events make up their timelines, as `keys (t, k)`:
    /// each key built as the audit trigger builds it (`/`-joined for a composite key, 0005), read from the
    /// live rows, which are never deleted, through their indexes. `COLLATE "C"` as the trail's own columns.
    static let timelineKeys: StaticString = """
        keys (t, k) AS (
            SELECT 'nominations' COLLATE "C", n.id::text COLLATE "C" FROM thidua.nominations n JOIN picked USING (id)
            UNION SELECT 'nominees', n.nominee_id::text FROM thidua.nominations n JOIN picked USING (id)
            UNION SELECT 'nominee_personal', n.nominee_id::text FROM thidua.nominations n JOIN picked USING (id)
            UNION SELECT 'nomination_attachments', a.id::text
                FROM thidua.nomination_attachments a JOIN picked ON a.nomination_id = picked.id
            UNION SELECT 'council_session_items', i.session_id::text || '/' || i.nomination_id::text
                FROM thidua.council_session_items i JOIN picked ON i.nomination_id = picked.id
            UNION SELECT 'council_recusals', r.session_id::text || '/' || r.nomination_id::text || '/' || r.member_id::text
                FROM thidua.council_recusals r JOIN picked ON r.nomination_id = picked.id
            UNION SELECT 'council_votes', v.session_id::text || '/' || v.nomination_id::text || '/' || v.member_id::text
                FROM thidua.council_votes v JOIN picked ON v.nomination_id = picked.id
            UNION SELECT 'decision_items', d.id::text FROM thidua.decision_items d JOIN picked ON d.nomination_id = picked.id
            UNION SELECT 'commendation_records', c.id::text FROM thidua.commendation_records c
                JOIN thidua.decision_items d ON d.id = c.decision_item_id JOIN picked ON d.nomination_id = picked.id
            UNION SELECT 'public_notices', p.id::text FROM thidua.public_notices p JOIN picked ON p.nomination_id = picked.id
            UNION SELECT 'notice_objections', o.id::text FROM thidua.notice_objections o
                JOIN thidua.public_notices p ON p.id = o.notice_id JOIN picked ON p.nomination_id = picked.id
        )
        """
}
