import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// A fresh database with a small audited history written as the installer, a superuser connection to forge it
/// the way an attacker with every right would, and the verifier reading it in tiny batches (so keyset
/// pagination and the merging of heads across batches are exercised by every test).
struct AuditFixture {
    let database: TestDatabase
    let admin: PostgresConnection

    static let installer = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
    static let area = "test/audit"

    static func make() async throws -> AuditFixture {
        let database = try await TestDatabase.make()
        let fixture = AuditFixture(database: database, admin: try await database.connect())
        try await fixture.asInstaller("INSERT INTO thidua.areas VALUES ('test/audit', 'Huyện Tủa Chùa')")
        return fixture
    }

    /// Runs SQL in one transaction as the installer; every row it changes in an audited table writes an event.
    func asInstaller(_ sql: String, reason: String? = nil, requestID: String? = nil) async throws {
        try await admin.withTransaction { connection in
            _ = try await connection.query(RecordStore.identification(.superuser(Self.installer), role: "installer", reason: reason, requestID: requestID))
            try await connection.execute(script: sql)
        }
    }

    /// A commune of the area (one event).
    @discardableResult
    func addCommune(_ code: String, _ name: String) async throws -> UUID {
        let id = UUID()
        try await asInstaller("""
            INSERT INTO thidua.units (id, area_id, code, name, kind) VALUES ('\(id.uuidString.lowercased())', '\(Self.area)', '\(code)', '\(name)', 'commune')
            """)
        return id
    }

    /// Renames a unit (one event), with a reason when given.
    func rename(_ unit: UUID, to name: String, reason: String? = nil) async throws {
        try await asInstaller(
            "UPDATE thidua.units SET name = '\(name)', version = version + 1 WHERE id = '\(unit.uuidString.lowercased())'",
            reason: reason)
    }

    /// A rename that is rolled back: its event id is used up, leaving a gap in the ids, as any failed change does.
    func abandonedRename(_ unit: UUID) async throws {
        await #expect(throws: PostgresError.self) {
            try await asInstaller("""
                UPDATE thidua.units SET name = 'Bỏ dở', version = version + 1 WHERE id = '\(unit.uuidString.lowercased())';
                SELECT 1 / 0;
                """)
        }
    }

    /// Three communes with a few renames each, in an order that interleaves their chains.
    func honestHistory() async throws -> [UUID] {
        let units = [
            try await addCommune("sinh-phinh", "Xã Sính Phình"),
            try await addCommune("huoi-so", "Xã Huổi Só"),
            try await addCommune("ta-phin", "Xã Tả Phìn"),
        ]
        try await rename(units[0], to: "Xã Sính Phình (sáp nhập)", reason: "Nghị quyết 1: sắp xếp ~ đơn vị")
        try await rename(units[1], to: "Xã Huổi Só mới")
        try await rename(units[0], to: "Xã Sính Phình", reason: "Trả lại tên cũ")
        try await rename(units[2], to: "Xã Tả Phìn mới")
        return units
    }

    func seal() async throws -> AuditCheckpoint? {
        try await AuditCheckpointer.seal(on: admin, claim: .superuser(Self.installer), actingRole: "installer")
    }

    func verify(expecting root: AuditExpectedRoot? = nil) async throws -> AuditVerification {
        try await AuditVerifier(connection: admin, batchSize: 2).verify(expecting: root)
    }

    /// Runs SQL as a superuser with every trigger switched off (`session_replication_role = replica`).
    func forge(_ sql: String) async throws {
        try await admin.withTransaction { connection in
            try await connection.execute(script: "SET LOCAL session_replication_role = replica")
            try await connection.execute(script: sql)
        }
    }

    /// The id of a unit's event `seq`.
    func eventID(_ unit: UUID, seq: Int) async throws -> Int64 {
        try await admin.query("""
            SELECT id FROM thidua.audit_events WHERE record_type = 'units' AND record_id = \(unit.uuidString.lowercased()) AND seq = \(Int32(seq))
            """).first!.decode(Int64.self, at: 0)
    }

    /// Every event, oldest first.
    func events() async throws -> [AuditChainEvent] {
        try await admin.query(PostgresQuery(unsafeSQL: "SELECT \(AuditChainEvent.columns) FROM thidua.audit_events ORDER BY id"))
            .map(AuditChainEvent.init(row:))
    }

    static func record(_ unit: UUID) -> AuditRecordKey {
        AuditRecordKey(type: "units", id: unit.uuidString.lowercased())
    }

    /// Recomputes every hash of a unit's chain in SQL, from seq 1, as an attacker who edited it would.
    func rechain(_ unit: UUID) async throws {
        try await forge("""
            DO $$
            DECLARE
                e record;
                previous bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000';
            BEGIN
                FOR e IN SELECT * FROM thidua.audit_events WHERE record_type = 'units' AND record_id = '\(unit.uuidString.lowercased())' ORDER BY seq LOOP
                    UPDATE thidua.audit_events SET prev_hash = previous,
                        hash = sha256(previous || convert_to(thidua.audit_canonical(e.seq, e.record_type, e.record_id,
                            e.occurred_at, e.area_id, e.actor_id, e.on_behalf_of, e.actor_role, e.actor_unit_id, e.record_unit_id,
                            e.action, e.reason, e.request_id, e.before, e.after), 'UTF8'))
                    WHERE id = e.id RETURNING hash INTO previous;
                END LOOP;
            END
            $$;
            """)
    }

    /// Makes the heads, heads digests and roots agree with the events again, as an attacker who rewrote a chain
    /// and then every checkpoint would.
    func resealEverything() async throws {
        try await forge("""
            UPDATE thidua.audit_checkpoint_heads h SET hash = e.hash FROM thidua.audit_events e
            WHERE e.record_type COLLATE "C" = h.record_type AND e.record_id COLLATE "C" = h.record_id AND e.seq = h.seq;
            DO $$
            DECLARE
                c record;
                previous bytea := '\\x0000000000000000000000000000000000000000000000000000000000000000';
                digest bytea;
            BEGIN
                FOR c IN SELECT * FROM thidua.audit_checkpoints ORDER BY id LOOP
                    SELECT sha256(convert_to(string_agg(thidua.audit_head_canonical(h.record_type, h.record_id, h.seq, h.hash), ''
                        ORDER BY h.record_type, h.record_id), 'UTF8')) INTO digest
                    FROM thidua.audit_checkpoint_heads h WHERE h.checkpoint_id = c.id;
                    UPDATE thidua.audit_checkpoints SET heads_digest = digest, previous_root = previous,
                        root = sha256(previous || convert_to(thidua.audit_checkpoint_canonical(c.id, c.sealed_at, c.sealed_by,
                            c.first_event_id, c.last_event_id, c.event_count), 'UTF8') || digest)
                    WHERE id = c.id RETURNING root INTO previous;
                END LOOP;
            END
            $$;
            """)
    }
}
