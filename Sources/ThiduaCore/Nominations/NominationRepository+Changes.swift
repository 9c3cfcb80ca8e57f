import Foundation
import Postgres

extension NominationRepository {
    /// The field-by-field difference between the nomination now and as it stood when last returned.
    public func changesSinceReturn(_ id: UUID, as actor: Actor) async throws -> NominationChanges {
        try await store.read(actor) { connection in
            let current = try await connection.query("SELECT return_count FROM thidua.nominations WHERE id = \(id)")
            guard let returnCount = try current.single()?.decode(Int.self, at: 0) else {
                throw ThiduaError.notFound("hồ sơ đề nghị / nomination")
            }
            let lastReturn = try await connection.query("""
                SELECT \(sql: AuditEvent.columns) FROM thidua.audit_events
                WHERE record_type = 'nominations' AND record_id = \(id.uuidString.lowercased()) AND after ->> 'state' = 'returned'
                  AND before ->> 'state' IS NOT NULL
                ORDER BY seq DESC LIMIT 1
                """).single().map(AuditEvent.init(row:))
            guard let lastReturn else { return NominationChanges(returnCount: returnCount, lastReturn: nil, fields: []) }
            let fields = try await connection.query("""
                WITH documents(side, doc) AS (
                    SELECT 'returned', e.after FROM thidua.audit_events e WHERE e.id = \(lastReturn.id)
                    UNION ALL
                    SELECT 'current', to_jsonb(n) FROM thidua.nominations n WHERE n.id = \(id)
                ), flat(side, field, value) AS (
                    SELECT d.side, f.key, f.value FROM documents d, jsonb_each(d.doc) f
                    WHERE f.key IN ('nominee_name', 'nominee_kind', 'movement_id', 'title', 'achievements')
                    UNION ALL
                    SELECT d.side, f.key || '.' || g.key, g.value FROM documents d, jsonb_each(d.doc) f, jsonb_each(f.value) g
                    WHERE f.key IN ('criteria_answers', 'indicators')
                )
                SELECT field, max(value::text) FILTER (WHERE side = 'returned') AS returned,
                              max(value::text) FILTER (WHERE side = 'current') AS current
                FROM flat GROUP BY field
                HAVING max(value::text) FILTER (WHERE side = 'returned') IS DISTINCT FROM max(value::text) FILTER (WHERE side = 'current')
                ORDER BY field
                """).map { row in
                    FieldChange(field: try row.decode(column: "field"), returned: try row.decode(column: "returned"),
                                current: try row.decode(column: "current"))
                }
            return NominationChanges(returnCount: returnCount, lastReturn: lastReturn, fields: fields)
        }
    }
}
