import Foundation
import Postgres

/// Rounds: their deadlines, the secretariat's exceptions to them, and the compliance table.
public struct RoundRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Lets `unitID` submit to the round until `until` although its due date has passed (secretariat; audited
    /// with its reason). An exception that has already run out when granted would let no one submit, so it is refused.
    public func grantDeadlineException(
        round roundID: UUID, unit unitID: UUID, until: Date, reason: String, by actor: Actor, now: Date = Date()
    ) async throws -> UUID {
        let capacity = try Policy.permit(actor, .grantDeadlineException)
        guard let reason = Text.cleaned(reason) else { throw ThiduaError.reasonRequired }
        guard until > now else {
            throw ThiduaError.invalid(
                field: "until", vietnamese: "Thời hạn mới phải ở sau thời điểm hiện tại.",
                english: "The new time limit must be in the future.")
        }
        return try await store.write(actor, capacity, action: "round.deadline_exception", reason: reason) { connection in
            // Named before the insert, which row-level security would refuse as if it were not allowed.
            let known = try await connection.query("""
                SELECT EXISTS (SELECT FROM thidua.rounds WHERE id = \(roundID)), EXISTS (SELECT FROM thidua.units WHERE id = \(unitID))
                """).single()!
            guard try known.decode(Bool.self, at: 0) else { throw ThiduaError.notFound("đợt / round") }
            guard try known.decode(Bool.self, at: 1) else { throw ThiduaError.notFound("đơn vị / unit") }
            let rows = try await connection.query("""
                INSERT INTO thidua.deadline_exceptions (round_id, unit_id, until, reason, granted_by)
                VALUES (\(roundID), \(unitID), \(until), \(reason), \(actor.userID))
                RETURNING id
                """)
            return try rows.single()!.decode(UUID.self, at: 0)
        }
    }

    /// Moves a round's due date (secretariat), guarded by the round's version.
    public func setDueDate(round roundID: UUID, to due: Date, version: Int, reason: String, by actor: Actor) async throws {
        let capacity = try Policy.permit(actor, .manageRounds)
        try await store.write(actor, capacity, action: "round.set_due_date", reason: Text.cleaned(reason)) { connection in
            let rows = try await connection.query("""
                UPDATE thidua.rounds SET due_at = \(due), version = version + 1 WHERE id = \(roundID) AND version = \(version)
                RETURNING version
                """)
            guard try rows.single() != nil else {
                let current = try await connection.query("SELECT version FROM thidua.rounds WHERE id = \(roundID)")
                guard let row = try current.single() else { throw ThiduaError.notFound("đợt / round") }
                throw ThiduaError.staleVersion(expected: version, current: try row.decode(Int.self, at: 0))
            }
        }
    }

    /// The rounds of the actor's area, newest year first, then by due date.
    public func list(as actor: Actor) async throws -> [Round] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: Round.columns) FROM thidua.rounds ORDER BY year DESC, due_at, code
                """).map(Round.init(row:))
        }
    }

    /// The compliance table of a round, as far as the actor may see.
    public func compliance(round roundID: UUID, as actor: Actor) async throws -> Compliance {
        try await store.report(actor) { connection in
            let units = try await connection.query("""
                SELECT u.id, u.name, u.kind, l.minimum, l.maximum,
                       \(sql: ReportRepository.milestoneCounts), \(sql: Self.countColumns)
                FROM thidua.rounds r
                JOIN thidua.round_unit_limits l ON l.round_id = r.id
                JOIN thidua.units u ON u.area_id = r.area_id AND u.kind = l.unit_kind
                     AND u.valid_from <= r.due_at::date AND (u.valid_to IS NULL OR u.valid_to > r.opens_at::date)
                LEFT JOIN thidua.nominations n ON n.round_id = r.id AND n.unit_id = u.id
                WHERE r.id = \(roundID)
                GROUP BY u.id, u.name, u.kind, l.minimum, l.maximum
                ORDER BY u.kind, u.name COLLATE "vi-VN-x-icu"
                """).map { row in
                    UnitCompliance(
                        unitID: try row.decode(column: "id"), unitName: try row.decode(column: "name"),
                        unitKind: try row.decodeEnum(column: "kind"), minimum: try row.decode(column: "minimum"),
                        maximum: try row.decode(column: "maximum"), counts: try Self.counts(row))
                }
            let movements = try await connection.query("""
                SELECT m.id, m.name, mm.nominee_kind, mm.minimum, mm.maximum, lead.unit_id AS lead_unit_id, lu.name AS lead_unit_name,
                       \(sql: ReportRepository.milestoneCounts), \(sql: Self.countColumns)
                FROM \(sql: ReportRepository.minimumsWithNominations)
                WHERE mm.round_id = \(roundID)
                GROUP BY m.id, m.name, m.code, mm.nominee_kind, mm.minimum, mm.maximum, lead.unit_id, lu.name
                ORDER BY m.code, mm.nominee_kind, lu.name COLLATE "vi-VN-x-icu"
                """).map { row in
                    MovementCompliance(
                        movementID: try row.decode(column: "id"), movementName: try row.decode(column: "name"),
                        nomineeKind: NomineeKind(rawValue: try row.decode(column: "nominee_kind")),
                        leadUnitID: try row.decode(column: "lead_unit_id"), leadUnitName: try row.decode(column: "lead_unit_name"),
                        required: try row.decode(column: "minimum"), maximum: try row.decode(column: "maximum"),
                        counts: try Self.counts(row))
                }
            return Compliance(units: units, movements: movements)
        }
    }

    /// What the compliance table counts beyond the reports' milestones (``ReportRepository/milestoneCounts``), over
    /// nominations `n` of round `r`: endorsed, and late — submitted after the due date (under an exception).
    private static let countColumns: StaticString = """
        count(n.id) FILTER (WHERE thidua.has_passed(n.state, 'endorsed')) AS endorsed,
        count(n.id) FILTER (WHERE thidua.holds_quota_slot(n.state) AND n.submitted_at > r.due_at) AS late
        """

    private static func counts(_ row: PostgresRow) throws -> ComplianceCounts {
        ComplianceCounts(
            submitted: try row.decode(column: "submitted"), endorsed: try row.decode(column: "endorsed"),
            verified: try row.decode(column: "verified"), approved: try row.decode(column: "approved"),
            commended: try row.decode(column: "commended"), late: try row.decode(column: "late"))
    }
}
