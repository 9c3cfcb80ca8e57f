import Foundation
import Postgres

extension ReportRepository {
    /// Report 0601.N for `year` in the actor's area (see ``MovementsReport``): the counts over all running movements
    /// and by each classification column in one pass over `movements` (0012), one grouping set per column.
    public func movements(year: Int, as actor: Actor) async throws -> MovementsReport {
        _ = try Policy.permit(actor, .readReports)
        return try await store.report(actor) { connection in
            let rows = try await connection.query("""
                WITH running AS (
                    SELECT m.* FROM thidua.movements m
                    WHERE m.area_id = \(actor.areaID) AND m.starts_year <= \(year) AND (m.ends_year IS NULL OR m.ends_year >= \(year))
                ), taking AS (
                    SELECT n.movement_id, n.unit_id, n.state
                    FROM thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id
                    WHERE r.year = \(year) AND n.area_id = \(actor.areaID) AND thidua.holds_quota_slot(n.state)
                )
                SELECT CASE WHEN GROUPING(m.initiating_level) = 0 THEN 'initiating_level' WHEN GROUPING(m.scope) = 0 THEN 'scope'
                            WHEN GROUPING(m.duration) = 0 THEN 'duration' WHEN GROUPING(m.method) = 0 THEN 'method'
                            ELSE 'total' END AS classification,
                       CASE WHEN GROUPING(m.initiating_level) = 0 THEN m.initiating_level WHEN GROUPING(m.scope) = 0 THEN m.scope
                            WHEN GROUPING(m.duration) = 0 THEN m.duration WHEN GROUPING(m.method) = 0 THEN m.method
                            ELSE 'total' END AS key,
                       count(DISTINCT m.id) AS movements,
                       count(DISTINCT m.id) FILTER (WHERE m.starts_year = \(year)) AS launched,
                       count(DISTINCT t.unit_id) AS units, count(t.unit_id) AS nominations,
                       count(t.unit_id) FILTER (WHERE thidua.has_passed(t.state, 'decided')) AS commended
                FROM running m LEFT JOIN taking t ON t.movement_id = m.id
                GROUP BY GROUPING SETS ((), (m.initiating_level), (m.scope), (m.duration), (m.method))
                """)
            var found: [String: [String: MovementsReport.Line]] = [:]
            for row in rows {
                let key: String = try row.decode(column: "key")
                found[try row.decode(String.self, column: "classification"), default: [:]][key] = MovementsReport.Line(
                    key: key, label: key, movements: try row.decode(column: "movements"), launched: try row.decode(column: "launched"),
                    units: try row.decode(column: "units"), nominations: try row.decode(column: "nominations"),
                    commended: try row.decode(column: "commended"))
            }
            func lines<Value: RawRepresentable & CaseIterable>(
                by classification: String, _: Value.Type, label: (Value) -> String
            ) -> [MovementsReport.Line] where Value.RawValue == String {
                Value.allCases.map { value in
                    var line = found[classification]?[value.rawValue] ?? .empty(value.rawValue)
                    line.label = label(value)
                    return line
                }
            }
            var total = found["total"]?["total"] ?? .empty("total")
            total.label = "Tổng số"
            let movements = try await connection.query("""
                SELECT m.code, m.name, m.initiating_level, m.scope, m.duration, m.method, m.starts_year, m.ends_year,
                       count(DISTINCT n.unit_id) AS units, count(n.id) AS nominations,
                       count(n.id) FILTER (WHERE thidua.has_passed(n.state, 'decided')) AS commended
                FROM thidua.movements m
                LEFT JOIN (thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id AND r.year = \(year))
                       ON n.movement_id = m.id AND thidua.holds_quota_slot(n.state)
                WHERE m.area_id = \(actor.areaID) AND m.starts_year <= \(year) AND (m.ends_year IS NULL OR m.ends_year >= \(year))
                GROUP BY m.id
                ORDER BY m.name COLLATE "vi-VN-x-icu", m.code
                """).map { row in
                    MovementsReport.Movement(
                        code: try row.decode(column: "code"), name: try row.decode(column: "name"),
                        initiatingLevel: try row.decodeEnum(column: "initiating_level"), scope: try row.decodeEnum(column: "scope"),
                        duration: try row.decodeEnum(column: "duration"), method: try row.decodeEnum(column: "method"),
                        startsYear: try row.decode(column: "starts_year"), endsYear: try row.decode(column: "ends_year"),
                        units: try row.decode(column: "units"), nominations: try row.decode(column: "nominations"),
                        commended: try row.decode(column: "commended"))
                }
            return MovementsReport(
                areaID: actor.areaID, year: year, total: total,
                byInitiatingLevel: lines(by: "initiating_level", InitiatingLevel.self, label: \.vietnamese),
                byScope: lines(by: "scope", MovementScope.self, label: \.vietnamese),
                byDuration: lines(by: "duration", MovementDuration.self, label: \.vietnamese),
                byMethod: lines(by: "method", MovementMethod.self, label: \.vietnamese),
                movements: movements)
        }
    }
}

extension MovementsReport.Line {
    static func empty(_ key: String) -> Self {
        Self(key: key, label: key, movements: 0, launched: 0, units: 0, nominations: 0, commended: 0)
    }
}
