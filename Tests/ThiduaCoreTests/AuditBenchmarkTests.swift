import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// How fast a million audit events verify (BENCHMARKS.md, "Audit chain verification"). Skipped unless
/// `THIDUA_BENCH=1`; run it in release:
///
/// ```sh
/// THIDUA_BENCH=1 swift test -c release --filter AuditBenchmarkTests
/// ```
/// `THIDUA_BENCH_RECORDS` (default 100,000 nominations × 10 events each) sizes the trail. The events are real
/// chains: built in SQL with `thidua.audit_canonical` and `sha256`, exactly as the audit trigger builds them,
/// over nomination-sized JSON; a checkpoint is sealed after every second event of every record. Each figure
/// is the median of three runs, with the cost of only reading the same rows measured in the same run.
@Suite("AuditBenchmarkTests", .enabled(if: ProcessInfo.processInfo.environment["THIDUA_BENCH"] == "1"))
struct AuditBenchmarkTests {
    static let records = Int(ProcessInfo.processInfo.environment["THIDUA_BENCH_RECORDS"] ?? "") ?? 100_000
    static let eventsPerRecord = 10
    static let sealEvery = 2

    @Test func verifyingAMillionEvents() async throws {
        let database = try await TestDatabase.make()
        let admin = try await database.connect()
        let clock = ContinuousClock()

        let generation = try await clock.measure { try await Self.generate(on: admin) }
        try await admin.execute(script: "VACUUM ANALYZE thidua.audit_events, thidua.audit_checkpoint_heads")
        let shape = try await admin.query("""
            SELECT count(*), avg(octet_length(coalesce(before::text, '')) + octet_length(coalesce(after::text, '')))::float8,
                   (SELECT count(*) FROM thidua.audit_checkpoints), (SELECT count(*) FROM thidua.audit_checkpoint_heads)
            FROM thidua.audit_events
            """).first!
        let events = try shape.decode(Int.self, at: 0)

        var copy: [Duration] = []
        var read: [Duration] = []
        var verify: [Duration] = []
        for _ in 1...3 {
            copy.append(try await clock.measure {
                try await admin.execute(script: """
                    COPY (SELECT \(AuditChainEvent.columns) FROM thidua.audit_events \
                    ORDER BY record_type COLLATE "C", record_id COLLATE "C", seq, id) TO '/dev/null'
                    """)
            })
            var rowsRead = 0
            read.append(try await clock.measure { rowsRead = try await Self.readInBatches(on: admin) })
            #expect(rowsRead == events)
            var verification: AuditVerification?
            verify.append(try await clock.measure { verification = try await AuditVerifier(connection: admin).verify() })
            #expect(verification?.problem == nil)
            #expect(verification?.eventsChecked == events)
        }
        func median(_ runs: [Duration]) -> Double {
            let sorted = runs.sorted()
            let middle = sorted[sorted.count / 2].components
            return Double(middle.seconds) + Double(middle.attoseconds) / 1e18
        }
        func row(_ name: String, _ runs: [Duration]) -> String {
            let seconds = median(runs)
            return "| \(name) | \(String(format: "%.2f", seconds)) s | \(Int((Double(events) / seconds).rounded())) events/s | "
                + "\(String(format: "%.2f", seconds / median(copy)))× |"
        }
        print("""
            Audit chain verification: \(events) events (\(Self.records) records × \(Self.eventsPerRecord)), \
            \(try shape.decode(Int.self, at: 2)) checkpoints, \(try shape.decode(Int.self, at: 3)) heads, \
            payload \(Int(try shape.decode(Double.self, at: 1))) bytes of JSON per event; generated in \(generation)
            | what | median of 3 | rate | vs COPY |
            |---|---|---|---|
            \(row("COPY of the same rows, in the same order, TO '/dev/null' (server only)", copy))
            \(row("keyset read of the same batches through libpq, nothing checked", read))
            \(row("AuditVerifier.verify()", verify))
            """)
    }

    /// The verifier's own queries, batch after batch, without decoding or hashing: the cost of reading.
    static func readInBatches(on connection: PostgresConnection) async throws -> Int {
        let order = #"ORDER BY record_type COLLATE "C", record_id COLLATE "C", seq, id LIMIT 20000"#
        var rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT \(AuditChainEvent.columns) FROM thidua.audit_events \(order)"))
        var total = rows.count
        while let last = rows.last, rows.count == 20000 {
            var bindings = PostgresBindings()
            bindings.append(try last.decode(String.self, at: 3))
            bindings.append(try last.decode(String.self, at: 4))
            bindings.append(try last.decode(Int32.self, at: 5))
            bindings.append(try last.decode(Int64.self, at: 0))
            rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(AuditChainEvent.columns) FROM thidua.audit_events
                WHERE (record_type COLLATE "C", record_id COLLATE "C", seq, id) > ($1, $2, $3, $4) \(order)
                """, bindings: bindings))
            total += rows.count
        }
        return total
    }

    /// Layer by layer: event `seq` of every record, chained on the layer before, hashed by PostgreSQL itself.
    static func generate(on connection: PostgresConnection) async throws {
        try await connection.execute(script: """
            SET thidua.actor_id = '00000000-0000-0000-0000-000000000000';
            SET thidua.actor_role = 'installer';
            INSERT INTO thidua.areas VALUES ('tua-chua', 'Huyện Tủa Chùa');
            """)
        for seq in 1...eventsPerRecord {
            try await connection.execute(script: layer(seq))
            if seq % sealEvery == 0 {
                _ = try await connection.query("SELECT thidua.seal_audit_checkpoint()")
            }
        }
    }

    static func layer(_ seq: Int) -> String {
        let states = ["draft", "submitted", "endorsed", "returned", "submitted", "endorsed", "verified", "in_review", "approved", "decided"]
        let state = states[(seq - 1) % states.count]
        let previousState = seq > 1 ? states[(seq - 2) % states.count] : "draft"
        let reason = state == "returned" ? "'Bổ sung minh chứng: biên bản họp bình xét ~ số ' || r.n" : "NULL"
        return """
            INSERT INTO thidua.audit_events (occurred_at, area_id, record_type, record_id, seq, actor_id, on_behalf_of,
                actor_role, actor_unit_id, record_unit_id, action, reason, request_id, before, after, prev_hash, hash)
            SELECT v.occurred_at, 'tua-chua', 'nominations', v.record_id, \(seq), v.actor_id, NULL, v.actor_role, v.unit_id,
                   v.unit_id, v.action, v.reason, v.request_id, v.before, v.after, v.prev_hash,
                   sha256(v.prev_hash || convert_to(thidua.audit_canonical(\(seq), 'nominations', v.record_id, v.occurred_at,
                       'tua-chua', v.actor_id, NULL, v.actor_role, v.unit_id, v.unit_id, v.action, v.reason, v.request_id, v.before, v.after), 'UTF8'))
            FROM (
                SELECT r.record_id, r.unit_id,
                       timestamptz '2024-03-01 08:00+07' + \(seq) * interval '9 days' + r.n * interval '1 second' AS occurred_at,
                       md5('user' || r.n % 997 || '-' || \(seq % 3))::uuid AS actor_id,
                       '\(seq == 1 ? "unit_clerk" : seq % 3 == 0 ? "secretariat" : "unit_head")' AS actor_role,
                       'nominations.\(seq == 1 ? "create" : state)' AS action,
                       \(reason) AS reason,
                       'req-\(seq)-' || r.n AS request_id,
                       \(seq == 1 ? "NULL::jsonb" : """
                           jsonb_build_object('state', '\(previousState)', 'version', \(seq - 1),
                               'updated_at', timestamptz '2024-03-01 08:00+07' + \(seq - 1) * interval '9 days')
                           """) AS before,
                       jsonb_build_object(
                           'id', r.record_id, 'area_id', 'tua-chua', 'round_id', md5('round')::uuid,
                           'movement_id', md5('movement' || r.n % 7)::uuid, 'unit_id', r.unit_id,
                           'nominee_id', md5('nominee' || r.n)::uuid, 'nominee_kind', 'individual',
                           'nominee_name', 'Lò Thị Mai ' || r.n, 'title', 'Lao động tiên tiến năm 2024',
                           'achievements', 'Hoàn thành xuất sắc nhiệm vụ; vận động nhân dân hiến ' || r.n % 500
                               || ' m² đất làm đường.',
                           'criteria_answers', jsonb_build_object(
                               '2.2.1-a', jsonb_build_object('met', true, 'evidence', 'Quyết định số ' || r.n || '/QĐ-UBND'),
                               '2.2.1-b', jsonb_build_object('met', r.n % 2 = 0, 'evidence', 'Báo cáo thành tích năm 2024')),
                           'indicators', jsonb_build_object('revenue', jsonb_build_object('2023', 1200 + r.n % 300, '2024', 1500 + r.n % 400)),
                           'state', '\(state)', 'restricted', false, 'return_count', \(seq > 4 ? 1 : 0),
                           'created_by', md5('user' || r.n % 997 || '-1')::uuid, 'created_at', timestamptz '2024-03-01 08:00+07',
                           'updated_at', timestamptz '2024-03-01 08:00+07' + \(seq) * interval '9 days', 'version', \(seq)) AS after,
                       coalesce(p.hash, '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea) AS prev_hash
                FROM (SELECT n, md5('nomination' || n)::uuid::text AS record_id, md5('unit' || n % 40)::uuid AS unit_id
                      FROM generate_series(1, \(records)) n) r
                LEFT JOIN thidua.audit_events p
                    ON p.record_type = 'nominations' AND p.record_id = r.record_id AND p.seq = \(seq - 1)
            ) v;
            """
    }
}
