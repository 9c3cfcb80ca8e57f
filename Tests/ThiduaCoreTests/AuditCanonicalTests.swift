import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// The bytes the hashes cover, built in Swift, must be exactly the ones PostgreSQL builds.
@Suite("AuditCanonicalTests")
struct AuditCanonicalTests {
    @Test func sha256IsLibcryptosAndMatchesTheStandardVectors() {
        #expect(SHA256Digest(hashing: [UInt8]()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let abc = SHA256Digest(hashing: Array("abc".utf8))
        #expect(abc.hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest(hex: abc.hex.uppercased()) == abc)
        #expect(SHA256Digest(bytes: abc.bytes) == abc)
        let hasher = SHA256Hasher()
        hasher.update(Array("a".utf8))
        hasher.update(Array("bc".utf8))
        #expect(hasher.finish() == abc)
        #expect(hasher.digest(Array("abc".utf8)) == abc)
    }

    @Test func theCanonicalTextOfRealEventsIsSQLsOwnAndTheirHashesRecompute() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        try await fixture.rename(units[1], to: "Xã Huổi Só: \"cũ\" ~ mới", reason: "a:b~c 12:3 ~ Đổi tên theo Nghị quyết số 1/NQ-HĐND")
        try await fixture.asInstaller(
            "UPDATE thidua.units SET valid_to = '2025-07-01' WHERE id = '\(units[2].uuidString.lowercased())'",
            reason: "~", requestID: "req:42~")
        let expected = try await fixture.admin.query("""
            SELECT id, thidua.audit_canonical(seq, record_type, record_id, occurred_at, area_id, actor_id, on_behalf_of,
                actor_role, actor_unit_id, record_unit_id, action, reason, request_id, before, after)
            FROM thidua.audit_events ORDER BY id
            """).map { try ($0.decode(Int64.self, at: 0), $0.decode(String.self, at: 1)) }
        let events = try await fixture.events()
        #expect(events.map(\.id) == expected.map(\.0))
        for (event, (_, sql)) in zip(events, expected) {
            #expect(AuditCanonical.event(event) == sql)
            #expect(event.computedHash == event.hash)
        }
        #expect(events.contains { $0.reason == nil } && events.contains { $0.reason == "~" })
        #expect(events.contains { $0.requestID == "req:42~" } && events.contains { $0.before == nil })
    }

    /// Values no real event carries yet: delegations, negative and fractional timestamps, empty text, emoji.
    static let unusualEvents: [AuditChainEvent] = [
        AuditChainEvent(
            id: 1, occurredAtMicroseconds: -1_234_567_890_123_457, areaID: "tỉnh-điện-biên/huyện:tủa~chùa", recordType: "movement_lead_units",
            recordID: "8a1e2f3c-0000-4000-8000-000000000001/9b2c3d4e-0000-4000-8000-000000000002", seq: 2_147_483_647,
            actorID: UUID(), onBehalfOf: UUID(), actorRole: "unit_head", actorUnitID: UUID(), recordUnitID: UUID(),
            action: "nominations.return", reason: "", requestID: "", before: #"{"b": [1, 2.50, null, "~:"]}"#,
            after: #"{"tên": "Lò Thị Mai 👩‍🌾", "điểm": 9.75}"#),
        AuditChainEvent(
            id: 2, occurredAtMicroseconds: 1_751_328_000_000_001, recordType: "nominee_personal", recordID: "x",
            seq: 1, actorID: UUID(), actorRole: "installer", action: "seed.load"),
    ]

    @Test(arguments: unusualEvents)
    func theCanonicalTextOfAnyFieldValuesIsSQLsOwn(_ template: AuditChainEvent) async throws {
        let database = try await TestDatabase.make()
        let connection = try await database.connect()
        var event = template
        event.before = try await Self.jsonbText(template.before, on: connection)
        event.after = try await Self.jsonbText(template.after, on: connection)
        let sql = try await connection.query("""
            SELECT thidua.audit_canonical(\(Int32(event.seq)), \(event.recordType), \(event.recordID),
                timestamptz 'epoch' + (\(String(event.occurredAtMicroseconds)) || ' microseconds')::interval, \(event.areaID),
                \(event.actorID),
                \(event.onBehalfOf), \(event.actorRole), \(event.actorUnitID), \(event.recordUnitID), \(event.action),
                \(event.reason), \(event.requestID), \(event.before)::jsonb, \(event.after)::jsonb)
            """).first!.decode(String.self, at: 0)
        #expect(AuditCanonical.event(event) == sql)
    }

    @Test func theCanonicalTextOfHeadsAndCheckpointsIsSQLsOwnAndTheRootRecomputes() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let first = try #require(try await fixture.seal())
        try await fixture.rename(units[0], to: "Xã Sính Phình mới")
        let second = try #require(try await fixture.seal())

        for checkpoint in [first, second] {
            let sql = try await fixture.admin.query("""
                SELECT thidua.audit_checkpoint_canonical(id, sealed_at, sealed_by, first_event_id, last_event_id, event_count)
                FROM thidua.audit_checkpoints WHERE id = \(checkpoint.id)
                """).first!.decode(String.self, at: 0)
            #expect(AuditCanonical.checkpoint(checkpoint) == sql)
            #expect(checkpoint.computedRoot == checkpoint.root)
            let heads = try await fixture.admin.query(PostgresQuery(unsafeSQL: """
                SELECT \(AuditCheckpointHead.columns), thidua.audit_head_canonical(record_type, record_id, seq, hash)
                FROM thidua.audit_checkpoint_heads WHERE checkpoint_id = \(checkpoint.id) ORDER BY record_type, record_id
                """))
            for row in heads {
                let head = try AuditCheckpointHead(row: row)
                #expect(AuditCanonical.head(recordType: head.record.type, recordID: head.record.id, seq: head.seq, hash: head.hash)
                    == (try row.decode(String.self, at: 5)))
            }
            #expect(AuditCanonical.headsDigest(try heads.map(AuditCheckpointHead.init(row:))) == checkpoint.headsDigest)
        }
        #expect(second.previousRoot == first.root)
    }

    /// PostgreSQL's own text of a JSON value (key order, spacing and numbers as `jsonb::text` prints them).
    static func jsonbText(_ json: String?, on connection: PostgresConnection) async throws -> String? {
        guard let json else { return nil }
        return try await connection.query("SELECT \(json)::jsonb::text").first!.decode(String.self, at: 0)
    }
}

extension AuditChainEvent: CustomTestStringConvertible {
    public var testDescription: String { "\(recordType) seq \(seq)" }
}
