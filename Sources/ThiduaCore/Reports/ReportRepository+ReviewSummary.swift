import Foundation
import Postgres

extension ReportRepository {
    /// The summary for the area's latest review of `kind` (see ``ReviewSummary``), in one read transaction.
    public func reviewSummary(kind: ReviewSummary.Kind, as actor: Actor) async throws -> ReviewSummary {
        _ = try Policy.permit(actor, .readReports)
        return try await store.report(actor) { connection in
            let found = try await connection.query("""
                SELECT \(sql: EmulationReview.columns), period FROM thidua.emulation_reviews
                WHERE area_id = \(actor.areaID) AND kind = \(kind.reviewKind.rawValue) AND period IS NOT NULL
                ORDER BY year DESC, code LIMIT 1
                """).single()
            guard let found else { throw ThiduaError.notFound("kỳ sơ kết, tổng kết / review") }
            let review = try EmulationReview(row: found)
            let period: String = try found.decode(column: "period")
            let from = Int(period.prefix(4)) ?? review.year, to = review.year
            return ReviewSummary(
                kind: kind, review: review, period: period, fromYear: from, toYear: to,
                byMovementAndYear: try await Self.movementYears(from: from, to: to, area: actor.areaID, on: connection),
                awards: try await Self.awards(from: from, to: to, area: actor.areaID, on: connection),
                followUp: try await Self.followUp(from: from, to: to, area: actor.areaID, on: connection),
                selections: try await Self.selections(from: from, to: to, area: actor.areaID, on: connection),
                unitPlans: try await Self.unitPlans(period: period, area: actor.areaID, on: connection).reduce(into: .init(takingPart: 0, received: 0)) {
                    $0.takingPart += 1
                    $0.received += $1.received ? 1 : 0
                },
                shortfalls: try await Self.shortfalls(from: from, to: to, area: actor.areaID, on: connection))
        }
    }

    private static func movementYears(from: Int, to: Int, area: String, on connection: PostgresConnection) async throws -> [ReviewSummary.MovementYear] {
        try await connection.query("""
            SELECT m.code, m.name, r.year,
                   \(sql: ReportRepository.milestoneCounts)
            FROM thidua.nominations n
            JOIN thidua.rounds r ON r.id = n.round_id
            JOIN thidua.movements m ON m.id = n.movement_id
            WHERE n.area_id = \(area) AND r.year BETWEEN \(from) AND \(to)
            GROUP BY m.code, m.name, r.year
            ORDER BY m.name COLLATE "vi-VN-x-icu", m.code, r.year
            """).map { row in
                ReviewSummary.MovementYear(
                    movementCode: try row.decode(column: "code"), movementName: try row.decode(column: "name"), year: try row.decode(column: "year"),
                    submitted: try row.decode(column: "submitted"), verified: try row.decode(column: "verified"),
                    approved: try row.decode(column: "approved"), commended: try row.decode(column: "commended"))
            }
    }

    private static func awards(from: Int, to: Int, area: String, on connection: PostgresConnection) async throws -> [ReviewSummary.Awards] {
        try await connection.query("""
            SELECT c.year, m.code, m.name AS movement_name, c.form_code, f.name AS form_name,
                   count(*) AS count, coalesce(sum(c.amount), 0)::bigint AS amount
            FROM thidua.commendation_records c
            JOIN thidua.decision_items i ON i.id = c.decision_item_id
            JOIN thidua.movements m ON m.id = i.movement_id
            JOIN thidua.commendation_forms f ON f.code = c.form_code
            WHERE c.area_id = \(area) AND c.year BETWEEN \(from) AND \(to) AND c.revoked_at IS NULL
            GROUP BY c.year, m.code, m.name, c.form_code, f.name
            ORDER BY c.year, m.name COLLATE "vi-VN-x-icu", f.name COLLATE "vi-VN-x-icu"
            """).map { row in
                ReviewSummary.Awards(
                    year: try row.decode(column: "year"), movementCode: try row.decode(column: "code"),
                    movementName: try row.decode(column: "movement_name"), form: try row.decode(column: "form_code"),
                    formName: try row.decode(column: "form_name"), count: try row.decode(column: "count"), amount: try row.decode(column: "amount"))
            }
    }

    /// Exemplars designated by the period's last day; evaluations, propagation and replications dated within it.
    private static func followUp(from: Int, to: Int, area: String, on connection: PostgresConnection) async throws -> ReviewSummary.FollowUp {
        let counts = try await connection.query("""
            SELECT (SELECT count(*) FROM thidua.exemplars WHERE area_id = \(area) AND designated_on <= make_date(\(to)::integer, 12, 31)) AS exemplars,
                   (SELECT count(*) FROM thidua.exemplar_evaluations
                    WHERE area_id = \(area) AND evaluated_on BETWEEN make_date(\(from)::integer, 1, 1) AND make_date(\(to)::integer, 12, 31)) AS evaluations
            """).single()
        let propagations = try await connection.query("""
            SELECT kind, count(*) AS count FROM thidua.exemplar_propagations
            WHERE area_id = \(area) AND held_on BETWEEN make_date(\(from)::integer, 1, 1) AND make_date(\(to)::integer, 12, 31)
            GROUP BY kind
            """).reduce(into: [String: Int]()) { $0[try $1.decode(column: "kind")] = try $1.decode(column: "count") }
        let adopting = try await connection.query("""
            SELECT u.id, u.name, count(*) AS replications
            FROM thidua.exemplar_replications x JOIN thidua.units u ON u.id = x.adopting_unit_id
            WHERE x.area_id = \(area) AND x.adopted_on BETWEEN make_date(\(from)::integer, 1, 1) AND make_date(\(to)::integer, 12, 31)
            GROUP BY u.id, u.name
            ORDER BY u.name COLLATE "vi-VN-x-icu", u.id
            """).map { row in
                ReviewSummary.FollowUp.AdoptingUnit(
                    unitID: try row.decode(column: "id"), unitName: try row.decode(column: "name"), replications: try row.decode(column: "replications"))
            }
        return ReviewSummary.FollowUp(
            exemplars: try counts?.decode(column: "exemplars") ?? 0, evaluations: try counts?.decode(column: "evaluations") ?? 0,
            propagations: PropagationKind.allCases.map { .init(kind: $0, label: $0.vietnamese, count: propagations[$0.rawValue] ?? 0) },
            replications: adopting.map(\.replications).reduce(0, +), adoptingUnits: adopting)
    }

    /// Reviews and congresses of the period's years, in the order they come (reviews before congresses, lower
    /// levels first), with the exemplars selected whose commendation still stands.
    private static func selections(from: Int, to: Int, area: String, on connection: PostgresConnection) async throws -> [ReviewSummary.Selections] {
        let reviews = try await connection.query("""
            SELECT \(sql: EmulationReview.columns) FROM thidua.emulation_reviews
            WHERE area_id = \(area) AND year BETWEEN \(from) AND \(to)
            ORDER BY year, array_position(ARRAY['mid_term_review', 'final_review', 'congress'], kind),
                     array_position(ARRAY['commune', 'district', 'province', 'national'], level), code
            """).map(EmulationReview.init(row:))
        let selected = try await connection.query("""
            SELECT s.review_id, array_agg(e.nominee_name ORDER BY e.nominee_name COLLATE "vi-VN-x-icu") AS nominees
            FROM thidua.review_selections s
            JOIN thidua.exemplars e ON e.id = s.exemplar_id
            JOIN thidua.commendation_records c ON c.id = e.commendation_record_id AND c.revoked_at IS NULL
            WHERE s.area_id = \(area)
            GROUP BY s.review_id
            """).reduce(into: [UUID: [String]]()) { $0[try $1.decode(column: "review_id")] = try $1.decode(column: "nominees") }
        return reviews.map { review in
            let nominees = selected[review.id] ?? []
            return ReviewSummary.Selections(review: review, selected: nominees.count, nominees: nominees)
        }
    }

    private static func shortfalls(from: Int, to: Int, area: String, on connection: PostgresConnection) async throws -> [ReviewSummary.Shortfall] {
        try await connection.query("""
            SELECT * FROM (
                SELECT r.code AS round_code, r.year, m.code, m.name, mm.nominee_kind, mm.minimum, lu.name AS lead_unit_name,
                       \(sql: milestoneCounts)
                FROM \(sql: minimumsWithNominations)
                WHERE r.area_id = \(area) AND r.year BETWEEN \(from) AND \(to)
                GROUP BY r.code, r.year, m.code, m.name, mm.nominee_kind, mm.minimum, lead.unit_id, lu.name
            ) line
            WHERE submitted < minimum
            ORDER BY year, round_code, name COLLATE "vi-VN-x-icu", nominee_kind, lead_unit_name COLLATE "vi-VN-x-icu"
            """).map { row in
                let required: Int = try row.decode(column: "minimum"), submitted: Int = try row.decode(column: "submitted")
                return ReviewSummary.Shortfall(
                    roundCode: try row.decode(column: "round_code"), year: try row.decode(column: "year"),
                    movementCode: try row.decode(column: "code"), movementName: try row.decode(column: "name"),
                    nomineeKind: NomineeKind(rawValue: try row.decode(column: "nominee_kind")),
                    leadUnitName: try row.decode(column: "lead_unit_name"),
                    required: required, submitted: submitted, shortfall: required - submitted)
            }
    }
}
