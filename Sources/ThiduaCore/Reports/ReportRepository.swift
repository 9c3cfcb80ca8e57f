import Foundation
import Postgres

/// The reports the secretariat owes the chairman (issue 4 §6), each a query with a documented shape. They read
/// under the actor's row-level security, so they count what the actor may see; the secretariat, the chairman
/// and auditors may ask. Report 0601.N is in `ReportRepository+Movements.swift`, the review summaries in
/// `ReportRepository+ReviewSummary.swift`.
///
/// ```swift
/// let report = try await ReportRepository(store: store).yearly(year: 2021, as: secretary)
/// let late = try await ReportRepository(store: store).overdue(asOf: Date(), as: secretary)
/// let movements = try await ReportRepository(store: store).movements(year: 2021, as: secretary)
/// let midTerm = try await ReportRepository(store: store).reviewSummary(kind: .midTerm, as: secretary)
/// ```
public struct ReportRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Nominations `n` counted at each milestone as 0003 defines them (`holds_quota_slot`, `has_passed`): the columns
    /// submitted, verified, approved and commended of every report and of the compliance table.
    static let milestoneCounts: StaticString = """
        count(n.id) FILTER (WHERE thidua.holds_quota_slot(n.state)) AS submitted,
        count(n.id) FILTER (WHERE thidua.has_passed(n.state, 'verified')) AS verified,
        count(n.id) FILTER (WHERE thidua.has_passed(n.state, 'approved')) AS approved,
        count(n.id) FILTER (WHERE thidua.has_passed(n.state, 'decided')) AS commended
        """

    /// Each movement minimum `mm` of a round `r` and movement `m` with the nominations `n` that count toward it
    /// (those of its kind, or any kind for 'any'): the FROM clause of the compliance table's movement lines and of
    /// the review summaries' shortfalls. A minimum held per lead unit (0028: the armed forces, "mỗi lực lượng")
    /// is one line per lead unit `lead` (its name `lu.name`), counting only that unit's own nominations; for any
    /// other minimum `lead` is NULL and the whole movement counts. Group by `lead.unit_id, lu.name` too.
    static let minimumsWithNominations: StaticString = """
        thidua.round_movement_minimums mm
        JOIN thidua.rounds r ON r.id = mm.round_id
        JOIN thidua.movements m ON m.id = mm.movement_id
        LEFT JOIN thidua.movement_lead_units lead ON mm.per_lead_unit AND lead.movement_id = mm.movement_id AND lead.part = 'lead'
        LEFT JOIN thidua.units lu ON lu.id = lead.unit_id
        LEFT JOIN thidua.nominations n ON n.round_id = mm.round_id AND n.movement_id = mm.movement_id
             AND (mm.nominee_kind = 'any' OR n.nominee_kind = mm.nominee_kind)
             AND (lead.unit_id IS NULL OR n.unit_id = lead.unit_id)
        """

    /// The year's nominations (of rounds of that year) and commendations (recorded for that year) in the actor's area.
    public func yearly(year: Int, as actor: Actor) async throws -> YearlyReport {
        _ = try Policy.permit(actor, .readReports)
        return try await store.report(actor) { connection in
            func lines(_ key: StaticString, _ label: StaticString, join: StaticString) async throws -> [YearlyReport.Line] {
                try await connection.query("""
                    SELECT \(sql: key) AS key, \(sql: label) AS label,
                           \(sql: Self.milestoneCounts)
                    FROM thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id \(sql: join)
                    WHERE r.year = \(year) AND n.area_id = \(actor.areaID)
                    GROUP BY 1, 2 ORDER BY \(sql: label) COLLATE "vi-VN-x-icu", 1
                    """).map { row in
                        YearlyReport.Line(
                            key: try row.decode(column: "key"), label: try row.decode(column: "label"),
                            submitted: try row.decode(column: "submitted"), verified: try row.decode(column: "verified"),
                            approved: try row.decode(column: "approved"), commended: try row.decode(column: "commended"))
                    }
            }
            let byMovement = try await lines("m.code", "m.name", join: "JOIN thidua.movements m ON m.id = n.movement_id")
            let byUnitKind = try await lines("u.kind", "u.kind", join: "JOIN thidua.units u ON u.id = n.unit_id")
            let byNomineeKind = try await lines("n.nominee_kind", "n.nominee_kind", join: "")
            let awards = try await connection.query("""
                SELECT c.form_code, f.name, c.type_code, e.kind, count(*) AS count, coalesce(sum(c.amount), 0)::bigint AS amount
                FROM thidua.commendation_records c
                JOIN thidua.commendation_forms f ON f.code = c.form_code
                JOIN thidua.nominees e ON e.id = c.nominee_id
                WHERE c.year = \(year) AND c.area_id = \(actor.areaID) AND c.revoked_at IS NULL
                GROUP BY c.form_code, f.name, c.type_code, e.kind
                ORDER BY f.name COLLATE "vi-VN-x-icu", c.type_code, e.kind
                """).map { row in
                    YearlyReport.Awards(
                        form: try row.decode(column: "form_code"), formName: try row.decode(column: "name"),
                        type: try row.decode(column: "type_code"), nomineeKind: try row.decodeEnum(column: "kind"),
                        count: try row.decode(column: "count"), amount: try row.decode(column: "amount"))
                }
            let awardsByRecipient = try await connection.query("""
                SELECT c.form_code, f.name, c.type_code,
                       count(*) FILTER (WHERE e.kind IN ('collective', 'locality')) AS collectives,
                       count(*) FILTER (WHERE e.recipient_class = 'enterprise') AS enterprises,
                       count(*) FILTER (WHERE e.kind = 'household') AS households,
                       count(*) FILTER (WHERE e.kind = 'individual') AS individuals,
                       count(*) FILTER (WHERE e.recipient_class = 'leader') AS leaders,
                       count(*) FILTER (WHERE e.recipient_class = 'business_person') AS business_people,
                       count(*) FILTER (WHERE e.recipient_class = 'worker_or_farmer') AS workers_and_farmers,
                       count(*) FILTER (WHERE e.recipient_class = 'other_individual') AS other_individuals,
                       count(*) FILTER (WHERE e.recipient_class IS NULL) AS unclassified
                FROM thidua.commendation_records c
                JOIN thidua.commendation_forms f ON f.code = c.form_code
                JOIN thidua.nominees e ON e.id = c.nominee_id
                WHERE c.year = \(year) AND c.area_id = \(actor.areaID) AND c.revoked_at IS NULL
                GROUP BY c.form_code, f.name, c.type_code
                ORDER BY f.name COLLATE "vi-VN-x-icu", c.type_code
                """).map { row in
                    YearlyReport.Recipients(
                        form: try row.decode(column: "form_code"), formName: try row.decode(column: "name"),
                        type: try row.decode(column: "type_code"), collectives: try row.decode(column: "collectives"),
                        enterprises: try row.decode(column: "enterprises"), households: try row.decode(column: "households"),
                        individuals: try row.decode(column: "individuals"), leaders: try row.decode(column: "leaders"),
                        businessPeople: try row.decode(column: "business_people"),
                        workersAndFarmers: try row.decode(column: "workers_and_farmers"),
                        otherIndividuals: try row.decode(column: "other_individuals"), unclassified: try row.decode(column: "unclassified"))
                }
            return YearlyReport(
                areaID: actor.areaID, year: year, byMovement: byMovement,
                byUnitKind: byUnitKind.map { Self.labelled($0, UnitKind(rawValue: $0.key)?.vietnamese) },
                byNomineeKind: byNomineeKind.map { Self.labelled($0, NomineeKind(rawValue: $0.key)?.vietnamese) },
                awards: awards, awardsByRecipient: awardsByRecipient)
        }
    }

    /// Nominations that have waited in their state longer than `processing_limits` allows, as of `day`, the
    /// longest wait first. A nomination's wait starts when it entered its state (its last change: no one edits
    /// a nomination while it waits for review).
    public func overdue(asOf day: Date, as actor: Actor) async throws -> [OverdueItem] {
        _ = try Policy.permit(actor, .readReports)
        return try await store.report(actor) { connection in
            try await connection.query("""
                SELECT n.id, n.nominee_name, n.unit_id, u.name AS unit_name, n.state, l.step, n.updated_at, l.working_days AS limit,
                       thidua.working_days_between(n.updated_at::date, \(day)::date) AS waited
                FROM thidua.nominations n
                JOIN thidua.processing_limits l ON l.waiting_state = n.state
                JOIN thidua.units u ON u.id = n.unit_id
                WHERE n.area_id = \(actor.areaID)
                  AND thidua.working_days_between(n.updated_at::date, \(day)::date) > l.working_days
                ORDER BY waited DESC, n.nominee_name COLLATE "vi-VN-x-icu", n.id
                """).map { row in
                    OverdueItem(
                        nominationID: try row.decode(column: "id"), nomineeName: try row.decode(column: "nominee_name"),
                        unitID: try row.decode(column: "unit_id"), unitName: try row.decode(column: "unit_name"),
                        state: try row.decodeEnum(column: "state"), step: try row.decode(column: "step"),
                        waitingSince: try row.decode(column: "updated_at"), workingDaysWaited: try row.decode(column: "waited"),
                        limit: try row.decode(column: "limit"))
                }
        }
    }

    /// Records that the secretariat received `unit`'s own plan for `period` ("2021-2025"), with its number
    /// and dates (`yyyy-MM-dd`).
    public func recordUnitPlan(
        unit unitID: UUID, period: String, number: String, issuedOn: String, receivedOn: String, by actor: Actor
    ) async throws {
        let capacity = try Policy.permit(actor, .manageRounds)
        guard let number = Text.cleaned(number) else {
            throw ThiduaError.invalid(field: "number", vietnamese: "Phải có số, ký hiệu của kế hoạch.", english: "The plan's number is required.")
        }
        try await store.write(actor, capacity, action: "unit_plan.receive") { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.unit_plans (area_id, unit_id, period, number, issued_on, received_on, received_by)
                VALUES (\(actor.areaID), \(unitID), \(period), \(number), \(issuedOn)::date, \(receivedOn)::date, \(actor.userID))
                """)
        }
    }

    /// Every unit taking part (communes, departments, armed forces, enterprises in force on the period's first
    /// day) and its plan for `period`, if received: those without one first, in Vietnamese order.
    public func unitPlans(period: String, as actor: Actor) async throws -> [UnitPlanStatus] {
        _ = try Policy.permit(actor, .readReports)
        return try await store.report(actor) { connection in
            try await Self.unitPlans(period: period, area: actor.areaID, on: connection)
        }
    }

    static func unitPlans(period: String, area: String, on connection: PostgresConnection) async throws -> [UnitPlanStatus] {
        let start = String(period.prefix(4)) + "-01-01"
        return try await connection.query("""
            SELECT u.id, u.name, u.kind, p.number, p.issued_on::text AS issued_on, p.received_on::text AS received_on
            FROM thidua.units u
            LEFT JOIN thidua.unit_plans p ON p.unit_id = u.id AND p.period = \(period)
            WHERE u.area_id = \(area) AND u.kind IN ('commune', 'department', 'armed_force', 'enterprise')
              AND (u.valid_to IS NULL OR u.valid_to > \(start)::date)
            ORDER BY p.number IS NOT NULL, u.name COLLATE "vi-VN-x-icu", u.id
            """).map { row in
                UnitPlanStatus(
                    unitID: try row.decode(column: "id"), unitName: try row.decode(column: "name"), unitKind: try row.decodeEnum(column: "kind"),
                    number: try row.decode(column: "number"), issuedOn: try row.decode(column: "issued_on"),
                    receivedOn: try row.decode(column: "received_on"))
            }
    }

    private static func labelled(_ line: YearlyReport.Line, _ label: String?) -> YearlyReport.Line {
        var line = line
        line.label = label ?? line.key
        return line
    }
}
