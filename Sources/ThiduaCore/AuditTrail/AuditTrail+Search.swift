import Foundation
import Postgres

extension AuditTrail {
    /// One page of the events an ``AuditSearch`` asks for, newest first, with the people, units and
    /// nominations its words matched. Row-level security narrows what each reader finds (0024), as everywhere.
    /// A text that matches nothing gives no events (not every event). Accents are taken off before the case is
    /// lowered, so "Đ" matches "d" whatever the database's character classification.
    public func search(_ search: AuditSearch, as actor: Actor) async throws -> AuditSearchResult {
        _ = try Policy.permit(actor, .searchAuditTrail)
        return try await store.report(actor) { connection in
            var result = AuditSearchResult(events: [], users: nil, units: nil, nominations: nil, nextBefore: nil)
            if let user = search.user {
                let pattern = AuditSearch.containing(user)
                result.users = try await connection.query("""
                    SELECT p.id, p.full_name AS name, p.username AS detail FROM thidua.users p
                    WHERE lower(thidua.unaccented(p.full_name)) LIKE lower(thidua.unaccented(\(pattern))) OR p.username LIKE \(pattern)
                    ORDER BY p.full_name COLLATE "vi-VN-x-icu", p.username LIMIT \(AuditSearchResult.matchLimit)
                    """).map(AuditSearchResult.Match.init(row:))
            }
            if let unit = search.unit {
                let pattern = AuditSearch.containing(unit)
                result.units = try await connection.query("""
                    SELECT u.id, u.name, u.code AS detail FROM thidua.units u
                    WHERE lower(thidua.unaccented(u.name)) LIKE lower(thidua.unaccented(\(pattern))) OR lower(u.code) LIKE \(pattern)
                    ORDER BY u.name COLLATE "vi-VN-x-icu" LIMIT \(AuditSearchResult.matchLimit)
                    """).map(AuditSearchResult.Match.init(row:))
            }
            if let record = search.record {
                let id = UUID(uuidString: record)
                result.nominations = try await connection.query("""
                    SELECT n.id, n.nominee_name AS name, u.name AS detail
                    FROM thidua.nominations n JOIN thidua.units u ON u.id = n.unit_id
                    WHERE n.id = \(id) OR lower(thidua.unaccented(n.nominee_name)) LIKE lower(thidua.unaccented(\(AuditSearch.containing(record))))
                    ORDER BY n.nominee_name COLLATE "vi-VN-x-icu", n.created_at LIMIT \(AuditSearchResult.matchLimit)
                    """).map(AuditSearchResult.Match.init(row:))
            }
            if [result.users, result.units, result.nominations].contains(where: { $0?.isEmpty == true }) { return result }

            var query = PostgresQuery(unsafeSQL: "")
            func bind(_ value: some PostgresEncodable) -> String {
                query.bindings.append(value)
                return "$\(query.bindings.count)"
            }
            var conditions: [String] = []
            var sql = "SELECT \(AuditEvent.columns) FROM thidua.audit_events e "
            if let nominations = result.nominations {
                sql = "WITH picked (id) AS (SELECT unnest(\(bind(nominations.map(\.id)))::uuid[])), \(Self.timelineKeys) " + sql
                    + "JOIN keys ON e.record_type = keys.t AND e.record_id = keys.k "
            }
            if let users = result.users {
                let ids = bind(users.map(\.id))
                conditions.append("(e.actor_id = ANY (\(ids)::uuid[]) OR e.on_behalf_of = ANY (\(ids)::uuid[]))")
            }
            if let units = result.units {
                let ids = bind(units.map(\.id))
                conditions.append("(e.actor_unit_id = ANY (\(ids)::uuid[]) OR e.record_unit_id = ANY (\(ids)::uuid[]))")
            }
            if let from = search.from { conditions.append("e.occurred_at >= \(bind(from))") }
            if let to = search.to { conditions.append("e.occurred_at < \(bind(to))") }
            if let before = search.before { conditions.append("e.id < \(bind(before))") }
            if !conditions.isEmpty { sql += "WHERE " + conditions.joined(separator: " AND ") + " " }
            // One more than a page: whether an older page exists, without counting the whole trail.
            sql += "ORDER BY e.id DESC LIMIT \(bind(Int64(search.limit + 1)))"
            query.sql = sql
            var events = try await connection.query(query).map(AuditEvent.init(row:))
            if events.count > search.limit {
                events.removeLast(events.count - search.limit)
                result.nextBefore = events.last?.id
            }
            result.events = events
            return result
        }
    }
}

extension AuditSearchResult.Match {
    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        name = try row.decode(column: "name")
        detail = try row.decode(column: "detail")
    }
}
