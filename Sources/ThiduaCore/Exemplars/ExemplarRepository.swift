import Foundation
import Postgres

/// Following exemplars (issue 4 §5, PLAN.md §6): a commended nominee taken up as a model, evaluated over the
/// years, propagated, replicated by other units, and selected by the secretariat for the plan's reviews and
/// congresses. The following unit's clerk or head, or the secretariat, record the follow-up; everything is
/// appended and audited (migration 0011).
///
/// ```swift
/// let exemplars = ExemplarRepository(store: store)
/// let model = try await exemplars.designate(record.id, title: "Mô hình hiến đất làm đường", followedBy: communeB,
///                                           on: day("2022-01-15"), by: clerkB)
/// _ = try await exemplars.evaluate(model.id, on: day("2022-12-20"), period: "Năm 2022", effect: "…",
///                                  efficiency: "…", potential: "…", by: headB)
/// _ = try await exemplars.recordReplication(of: model.id, adoptedBy: communeA, on: day("2023-03-01"),
///                                           result: "12 hộ hiến đất", by: secretary)
/// let candidates = try await exemplars.candidates(for: review.id, as: secretary)
/// _ = try await exemplars.select(model.id, for: review.id, reason: "Tiêu biểu phong trào nông thôn mới", by: secretary)
/// ```
public struct ExemplarRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Takes up the nominee of a standing commendation record as an exemplar that `unitID` follows.
    public func designate(
        _ recordID: UUID, title: String, followedBy unitID: UUID, on day: Date, by actor: Actor
    ) async throws -> Exemplar {
        let capacity = try Policy.permit(actor, .follow(unitID: unitID))
        let title = try Self.required(title, field: "title", vietnamese: "tên mô hình, điển hình", english: "title")
        return try await store.write(actor, capacity, action: "exemplar.designate") { connection in
            let rows = try await connection.query("""
                INSERT INTO thidua.exemplars (unit_id, commendation_record_id, title, designated_on)
                VALUES (\(unitID), \(recordID), \(title), \(day)::date)
                RETURNING \(sql: Exemplar.columns)
                """)
            return try Exemplar(row: try rows.single()!)
        }
    }

    /// Records a periodic evaluation of the exemplar.
    public func evaluate(
        _ exemplarID: UUID, on day: Date, period: String, effect: String, efficiency: String, potential: String,
        problems: String? = nil, helpGiven: String? = nil, by actor: Actor
    ) async throws -> ExemplarEvaluation {
        let period = try Self.required(period, field: "period", vietnamese: "kỳ đánh giá", english: "period")
        let effect = try Self.required(effect, field: "effect", vietnamese: "hiệu quả, tác dụng", english: "effect")
        let efficiency = try Self.required(efficiency, field: "efficiency", vietnamese: "hiệu suất", english: "efficiency")
        let potential = try Self.required(potential, field: "potential", vietnamese: "khả năng phát triển", english: "potential")
        let (problems, helpGiven) = (Text.cleaned(problems), Text.cleaned(helpGiven))
        return try await followUp(of: exemplarID, action: "exemplar.evaluate", by: actor) { connection in
            try await connection.query("""
                INSERT INTO thidua.exemplar_evaluations (exemplar_id, evaluated_on, period, effect, efficiency, potential, problems, help_given)
                VALUES (\(exemplarID), \(day)::date, \(period), \(effect), \(efficiency), \(potential), \(problems), \(helpGiven))
                RETURNING \(sql: ExemplarEvaluation.columns)
                """).map(ExemplarEvaluation.init(row:))[0]
        }
    }

    /// Records an activity spreading the exemplar.
    public func recordPropagation(
        _ kind: PropagationKind, of exemplarID: UUID, on day: Date, audience: String? = nil, note: String? = nil, by actor: Actor
    ) async throws -> PropagationActivity {
        let (audience, note) = (Text.cleaned(audience), Text.cleaned(note))
        return try await followUp(of: exemplarID, action: "exemplar.propagate", by: actor) { connection in
            try await connection.query("""
                INSERT INTO thidua.exemplar_propagations (exemplar_id, kind, held_on, audience, note)
                VALUES (\(exemplarID), \(kind.rawValue), \(day)::date, \(audience), \(note))
                RETURNING \(sql: PropagationActivity.columns)
                """).map(PropagationActivity.init(row:))[0]
        }
    }

    /// Records that another unit adopted the exemplar, when, with what result.
    public func recordReplication(
        of exemplarID: UUID, adoptedBy unitID: UUID, on day: Date, result: String, by actor: Actor
    ) async throws -> Replication {
        let result = try Self.required(result, field: "result", vietnamese: "kết quả nhân rộng", english: "result")
        return try await followUp(of: exemplarID, action: "exemplar.replicate", by: actor) { connection in
            try await connection.query("""
                INSERT INTO thidua.exemplar_replications (exemplar_id, adopting_unit_id, adopted_on, result)
                VALUES (\(exemplarID), \(unitID), \(day)::date, \(result))
                RETURNING \(sql: Replication.columns)
                """).map(Replication.init(row:))[0]
        }
    }

    /// The area's reviews and congresses, by year and code.
    public func reviews(as actor: Actor) async throws -> [EmulationReview] {
        try Policy.permit(actor, ExemplarAction.viewExemplars)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: EmulationReview.columns) FROM thidua.emulation_reviews ORDER BY year, held_on NULLS LAST, code
                """).map(EmulationReview.init(row:))
        }
    }

    /// Selects an exemplar for a review or congress, with the reason; refused when its commendation was revoked.
    public func select(_ exemplarID: UUID, for reviewID: UUID, reason: String, by actor: Actor) async throws -> ReviewSelection {
        let capacity = try Policy.permit(actor, .select)
        guard let reason = Text.cleaned(reason) else { throw ThiduaError.reasonRequired }
        return try await store.write(actor, capacity, action: "exemplar.select", reason: reason) { connection in
            try await connection.query("""
                INSERT INTO thidua.review_selections (review_id, exemplar_id, reason)
                VALUES (\(reviewID), \(exemplarID), \(reason))
                RETURNING \(sql: ReviewSelection.columns)
                """).map(ReviewSelection.init(row:))[0]
        }
    }

    /// The exemplars a review chooses from: every exemplar of the area designated by the review's day (or year)
    /// whose commendation stands, with its evaluations count, latest evaluation, propagation and replication
    /// counts, most evaluated first.
    public func candidates(for reviewID: UUID, as actor: Actor) async throws -> [ReviewCandidate] {
        try Policy.permit(actor, .viewHistory)
        return try await store.read(actor) { connection in
            try await connection.query("""
                WITH x AS (
                    SELECT e.*, c.form_code, c.year, c.reference, r.id AS review_id
                    FROM thidua.emulation_reviews r
                    JOIN thidua.exemplars e ON e.area_id = r.area_id AND e.designated_on <= coalesce(r.held_on, make_date(r.year, 12, 31))
                    JOIN thidua.commendation_records c ON c.id = e.commendation_record_id AND c.revoked_at IS NULL
                    WHERE r.id = \(reviewID)
                )
                SELECT \(sql: Exemplar.columns), form_code, year, reference,
                       (SELECT count(*) FROM thidua.exemplar_evaluations v WHERE v.exemplar_id = x.id)::integer AS evaluations,
                       latest.*,
                       (SELECT count(*) FROM thidua.exemplar_propagations p WHERE p.exemplar_id = x.id)::integer AS propagations,
                       (SELECT count(*) FROM thidua.exemplar_replications p WHERE p.exemplar_id = x.id)::integer AS replications,
                       EXISTS (SELECT FROM thidua.review_selections s WHERE s.exemplar_id = x.id AND s.review_id = x.review_id) AS selected
                FROM x
                LEFT JOIN LATERAL (
                    SELECT \(sql: ExemplarEvaluation.latestColumns) FROM thidua.exemplar_evaluations v WHERE v.exemplar_id = x.id
                    ORDER BY v.evaluated_on DESC, v.created_at DESC, v.id LIMIT 1
                ) latest ON true
                ORDER BY evaluations DESC, replications DESC, nominee_name COLLATE "vi-VN-x-icu", id
                """).map(ReviewCandidate.init(row:))
        }
    }

    /// The exemplars the actor may see, by name.
    public func exemplars(as actor: Actor) async throws -> [Exemplar] {
        try Policy.permit(actor, ExemplarAction.viewExemplars)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: Exemplar.columns) FROM thidua.exemplars ORDER BY nominee_name COLLATE "vi-VN-x-icu", title, id
                """).map(Exemplar.init(row:))
        }
    }

    /// An exemplar with its follow-up, oldest first.
    public func history(
        of exemplarID: UUID, as actor: Actor
    ) async throws -> (exemplar: Exemplar, evaluations: [ExemplarEvaluation], propagations: [PropagationActivity], replications: [Replication]) {
        try Policy.permit(actor, ExemplarAction.viewExemplars)
        return try await store.read(actor) { connection in
            guard let row = try await connection.query("""
                SELECT \(sql: Exemplar.columns) FROM thidua.exemplars WHERE id = \(exemplarID)
                """).single() else { throw ThiduaError.notFound("điển hình / exemplar") }
            let evaluations = try await connection.query("""
                SELECT \(sql: ExemplarEvaluation.columns) FROM thidua.exemplar_evaluations WHERE exemplar_id = \(exemplarID)
                ORDER BY evaluated_on, created_at, id
                """).map(ExemplarEvaluation.init(row:))
            let propagations = try await connection.query("""
                SELECT \(sql: PropagationActivity.columns) FROM thidua.exemplar_propagations WHERE exemplar_id = \(exemplarID)
                ORDER BY held_on, created_at, id
                """).map(PropagationActivity.init(row:))
            let replications = try await connection.query("""
                SELECT \(sql: Replication.columns) FROM thidua.exemplar_replications WHERE exemplar_id = \(exemplarID)
                ORDER BY adopted_on, created_at, id
                """).map(Replication.init(row:))
            return (try Exemplar(row: row), evaluations, propagations, replications)
        }
    }

    /// One follow-up write: the exemplar's following unit (read as the actor: one they cannot see is not found)
    /// decides the capacity, then `body` appends the row.
    private func followUp<T>(
        of exemplarID: UUID, action: String, by actor: Actor, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        try Policy.permit(actor, ExemplarAction.viewExemplars)
        return try await store.write(actor, nil, action: action) { connection in
            guard let row = try await connection.query("SELECT unit_id FROM thidua.exemplars WHERE id = \(exemplarID)").single() else {
                throw ThiduaError.notFound("điển hình / exemplar")
            }
            let capacity = try Policy.permit(actor, .follow(unitID: try row.decode(UUID.self, column: "unit_id")))
            RecordStore.act(in: capacity, on: connection)
            return try await body(connection)
        }
    }

    private static func required(_ text: String, field: String, vietnamese: String, english: String) throws(ThiduaError) -> String {
        guard let text = Text.cleaned(text) else {
            throw .invalid(field: field, vietnamese: "Phải nhập \(vietnamese).", english: "The \(english) is required.")
        }
        return text
    }
}
