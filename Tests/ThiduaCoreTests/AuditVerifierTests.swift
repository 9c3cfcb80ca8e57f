import Foundation
import Postgres
import Synchronization
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// The verifier against an honest trail and against a superuser who forges it with every trigger off: each
/// forgery must be named by kind, record, seq and event id.
@Suite("AuditVerifierTests")
struct AuditVerifierTests {
    // MARK: Honest trails

    @Test func anHonestTrailWithoutCheckpointsVerifies() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        let verification = try await fixture.verify()
        #expect(verification.problem == nil)
        #expect(verification.eventsChecked == 8)
        #expect(verification.records == 4)
        #expect(verification.checkpoints == 0)
        #expect(verification.unsealedEvents == 8)
        #expect(verification.latestRoot == nil)
    }

    @Test func anHonestTrailWithCheckpointsAndLaterEventsVerifiesAgainstTheKeptRoots() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let first = try #require(try await fixture.seal())
        try await fixture.rename(units[1], to: "Xã Huổi Só")
        try await fixture.addCommune("trung-thu", "Xã Trung Thu")
        let second = try #require(try await fixture.seal())
        try await fixture.rename(units[2], to: "Xã Tả Phìn")

        let verification = try await fixture.verify(expecting: .latest(second.root))
        #expect(verification.problem == nil)
        #expect(verification.eventsChecked == 11)
        #expect(verification.records == 5)
        #expect(verification.checkpoints == 2)
        #expect(verification.unsealedEvents == 1)
        #expect(verification.latestRoot == second.root)
        #expect(try await fixture.verify(expecting: .checkpoint(id: first.id, root: first.root)).problem == nil)
    }

    @Test func progressIsReportedAfterEveryBatchUpToTheTotal() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        _ = try await fixture.seal()
        let reports = Mutex<[(checked: Int, total: Int?)]>([])
        let verification = try await AuditVerifier(connection: fixture.admin, batchSize: 3).verify { checked, total in
            reports.withLock { $0.append((checked, total)) }
        }
        let seen = reports.withLock { $0 }
        #expect(verification.problem == nil)
        #expect(seen.map(\.checked) == [3, 6, 8])
        #expect(seen.allSatisfy { $0.total == 8 })
    }

    @Test func aSessionUnderRowLevelSecurityIsRefusedRatherThanSeeingRecordsAsRemoved() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        let app = try await fixture.database.connect(user: "thidua_app")
        await #expect(throws: AuditVerifierError.partialView(role: "thidua_app")) {
            try await AuditVerifier(connection: app).verify()
        }
    }

    // MARK: Forged events

    @Test func anEditedReasonIsNamedEdited() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        _ = try await fixture.seal()
        let target = try await fixture.eventID(units[0], seq: 2)
        try await fixture.forge("UPDATE thidua.audit_events SET reason = 'Không có lý do' WHERE id = \(target)")

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .edited)
        #expect(problem.eventID == target)
        #expect(problem.record == AuditFixture.record(units[0]))
        #expect(problem.seq == 2)
        #expect(problem.vietnamese.contains("#\(target)") && problem.vietnamese.contains("đã bị sửa"))
        #expect(problem.english.contains("#\(target)") && problem.english.contains("was edited"))
    }

    /// Row-level security lets an area's people read its events by `area_id`: moving an event to another area
    /// hides it from them and shows it to strangers, so the hash must cover it.
    @Test func anEventMovedToAnotherAreaIsNamedEdited() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        _ = try await fixture.seal()
        try await fixture.asInstaller("INSERT INTO thidua.areas VALUES ('test/other', 'Huyện Mường Chà')")
        let target = try await fixture.eventID(units[1], seq: 2)
        try await fixture.forge("UPDATE thidua.audit_events SET area_id = 'test/other' WHERE id = \(target)")

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .edited)
        #expect(problem.eventID == target)
        #expect(problem.record == AuditFixture.record(units[1]))
        #expect(problem.seq == 2)
    }

    @Test func aDeletedMiddleEventIsNamedRemovedWithTheEventThatFollowsTheGap() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let following = try await fixture.eventID(units[0], seq: 3)
        try await fixture.forge("DELETE FROM thidua.audit_events WHERE id = \(try await fixture.eventID(units[0], seq: 2))")

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .removed)
        #expect(problem.eventID == nil)
        #expect(problem.record == AuditFixture.record(units[0]))
        #expect(problem.seq == 2)
        #expect(problem.english.contains("#\(following)"))
    }

    @Test func aDeletedLastEventOfASealedChainIsNamedRemoved() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let checkpoint = try #require(try await fixture.seal())
        try await fixture.forge("DELETE FROM thidua.audit_events WHERE id = \(try await fixture.eventID(units[0], seq: 3))")

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .removed)
        #expect(problem.record == AuditFixture.record(units[0]))
        #expect(problem.seq == 3)
        #expect(problem.checkpointID == checkpoint.id)
    }

    @Test func aWholeSealedRecordDeletedIsNamedRemovedFromSeqOne() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        _ = try await fixture.seal()
        try await fixture.forge("DELETE FROM thidua.audit_events WHERE record_id = '\(units[1].uuidString.lowercased())'")

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .removed)
        #expect(problem.record == AuditFixture.record(units[1]))
        #expect(problem.seq == 1)
    }

    @Test func aValidlyHashedEventAppendedInsideASealedRangeIsNamedInserted() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        try await fixture.abandonedRename(units[1])
        try await fixture.rename(units[2], to: "Xã Tả Phìn")
        let checkpoint = try #require(try await fixture.seal())
        let unused = try await fixture.unusedID(below: checkpoint.lastEventID)
        try await fixture.forge(Self.appendForgedEvent(to: units[0], id: unused))

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .inserted)
        #expect(problem.eventID == unused)
        #expect(problem.record == AuditFixture.record(units[0]))
        #expect(problem.seq == 4)
        #expect(problem.checkpointID == checkpoint.id)
    }

    @Test func aValidlyHashedRecordInsideASealedRangeIsNamedInserted() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        try await fixture.abandonedRename(units[1])
        try await fixture.rename(units[2], to: "Xã Tả Phìn")
        let checkpoint = try #require(try await fixture.seal())
        let unused = try await fixture.unusedID(below: checkpoint.lastEventID)
        let forged = UUID()
        try await fixture.forge(Self.forgedFirstEvent(of: forged, id: unused))

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .inserted)
        #expect(problem.eventID == unused)
        #expect(problem.record == AuditFixture.record(forged))
        #expect(problem.seq == 1)
    }

    @Test func aSealedEventDeletedAndInsertedAgainWithANewIdIsNamedInserted() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        _ = try await fixture.seal()
        let original = try await fixture.eventID(units[2], seq: 2)
        try await fixture.forge("""
            CREATE TEMP TABLE moved AS SELECT * FROM thidua.audit_events WHERE id = \(original);
            DELETE FROM thidua.audit_events WHERE id = \(original);
            UPDATE moved SET id = nextval('thidua.audit_events_id_seq');
            INSERT INTO thidua.audit_events SELECT * FROM moved;
            """)
        let moved = try await fixture.eventID(units[2], seq: 2)

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .inserted)
        #expect(problem.eventID == moved)
        #expect(moved != original)
        #expect(problem.seq == 2)
    }

    @Test func aRepeatedSeqIsNamedInserted() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        try await fixture.forge("""
            ALTER TABLE thidua.audit_events DROP CONSTRAINT audit_events_record_type_record_id_seq_key;
            INSERT INTO thidua.audit_events
            SELECT nextval('thidua.audit_events_id_seq'), occurred_at, area_id, record_type, record_id, seq, actor_id,
                   on_behalf_of, actor_role, actor_unit_id, record_unit_id, action, reason, request_id, before, after, prev_hash, hash
            FROM thidua.audit_events WHERE id = \(try await fixture.eventID(units[1], seq: 2));
            """)
        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .inserted)
        #expect(problem.record == AuditFixture.record(units[1]))
        #expect(problem.seq == 2)
    }

    @Test func swappedPayloadsAreNamedEditedAtTheFirstOfTheTwo() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let second = try await fixture.eventID(units[0], seq: 2)
        let third = try await fixture.eventID(units[0], seq: 3)
        try await fixture.forge("""
            UPDATE thidua.audit_events a SET before = b.before, after = b.after, reason = b.reason
            FROM thidua.audit_events b
            WHERE (a.id, b.id) IN ((\(second), \(third)), (\(third), \(second)));
            """)

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .edited)
        #expect(problem.eventID == second)
        #expect(problem.seq == 2)
    }

    // MARK: Rewritten chains

    @Test func anEventRehashedWithoutItsSuccessorIsNamedRechainedAtTheSuccessor() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let edited = try await fixture.eventID(units[0], seq: 2)
        try await fixture.forge("""
            UPDATE thidua.audit_events SET reason = 'Lý do khác',
                hash = sha256(prev_hash || convert_to(thidua.audit_canonical(seq, record_type, record_id, occurred_at, area_id, actor_id,
                    on_behalf_of, actor_role, actor_unit_id, record_unit_id, action, 'Lý do khác', request_id, before, after), 'UTF8'))
            WHERE id = \(edited);
            """)

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .rechained)
        #expect(problem.eventID == (try await fixture.eventID(units[0], seq: 3)))
        #expect(problem.seq == 3)
    }

    @Test func aWholeRecordRechainedAfterAnEditIsNamedRechainedAtItsSealedHead() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let checkpoint = try #require(try await fixture.seal())
        try await fixture.forge("""
            UPDATE thidua.audit_events SET after = jsonb_set(after, '{name}', '"Xã Giả Mạo"')
            WHERE id = \(try await fixture.eventID(units[0], seq: 1));
            """)
        try await fixture.rechain(units[0])

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .rechained)
        #expect(problem.eventID == (try await fixture.eventID(units[0], seq: 3)))
        #expect(problem.record == AuditFixture.record(units[0]))
        #expect(problem.seq == 3)
        #expect(problem.checkpointID == checkpoint.id)
    }

    @Test func aTrailRewrittenAndResealedThroughoutIsCaughtOnlyByTheKeptRoot() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        _ = try await fixture.seal()
        try await fixture.rename(units[0], to: "Xã Sính Phình mới")
        let kept = try #require(try await fixture.seal())
        try await fixture.forge("UPDATE thidua.audit_events SET reason = 'Đã sửa' WHERE id = \(try await fixture.eventID(units[0], seq: 2))")
        try await fixture.rechain(units[0])
        try await fixture.resealEverything()

        #expect(try await fixture.verify().problem == nil)
        let problem = try #require(try await fixture.verify(expecting: .latest(kept.root)).problem)
        #expect(problem.kind == .rootMismatch)
        #expect(problem.checkpointID == kept.id)
    }

    // MARK: Forged checkpoints

    @Test func aChangedCheckpointRootIsNamedCheckpointMismatch() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let first = try #require(try await fixture.seal())
        try await fixture.rename(units[1], to: "Xã Huổi Só")
        _ = try await fixture.seal()
        try await fixture.forge("UPDATE thidua.audit_checkpoints SET root = sha256('giả mạo') WHERE id = \(first.id)")

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .checkpointMismatch)
        #expect(problem.checkpointID == first.id)
        #expect(problem.eventID == nil)
    }

    @Test func anEditedHeadIsNamedCheckpointMismatchNotAnEditedEvent() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let checkpoint = try #require(try await fixture.seal())
        try await fixture.forge("""
            UPDATE thidua.audit_checkpoint_heads SET hash = sha256('giả mạo') WHERE record_id = '\(units[2].uuidString.lowercased())'
            """)

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .checkpointMismatch)
        #expect(problem.checkpointID == checkpoint.id)
    }

    @Test func aHeadAddedToHideAnInsertedEventIsNamedCheckpointMismatch() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        try await fixture.abandonedRename(units[1])
        try await fixture.rename(units[2], to: "Xã Tả Phìn")
        let checkpoint = try #require(try await fixture.seal())
        let unused = try await fixture.unusedID(below: checkpoint.lastEventID)
        let forged = UUID()
        try await fixture.forge(Self.forgedFirstEvent(of: forged, id: unused))
        try await fixture.forge("""
            INSERT INTO thidua.audit_checkpoint_heads SELECT \(checkpoint.id), record_type, record_id, seq, hash
            FROM thidua.audit_events WHERE id = \(unused)
            """)

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .checkpointMismatch)
        #expect(problem.checkpointID == checkpoint.id)
    }

    @Test func aDeletedLatestCheckpointIsCaughtByTheKeptRoot() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let first = try #require(try await fixture.seal())
        try await fixture.rename(units[1], to: "Xã Huổi Só")
        let kept = try #require(try await fixture.seal())
        try await fixture.forge("""
            DELETE FROM thidua.audit_checkpoint_heads WHERE checkpoint_id = \(kept.id);
            DELETE FROM thidua.audit_checkpoints WHERE id = \(kept.id);
            """)

        let problem = try #require(try await fixture.verify(expecting: .latest(kept.root)).problem)
        #expect(problem.kind == .rootMismatch)
        #expect(problem.checkpointID == first.id)
        let named = try #require(try await fixture.verify(expecting: .checkpoint(id: kept.id, root: kept.root)).problem)
        #expect(named.kind == .rootMismatch)
        #expect(named.checkpointID == kept.id)
    }

    @Test func aDeletedMiddleCheckpointIsNamedCheckpointMismatch() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        _ = try await fixture.seal()
        try await fixture.rename(units[1], to: "Xã Huổi Só")
        let middle = try #require(try await fixture.seal())
        try await fixture.rename(units[2], to: "Xã Tả Phìn")
        _ = try await fixture.seal()
        try await fixture.forge("""
            DELETE FROM thidua.audit_checkpoint_heads WHERE checkpoint_id = \(middle.id);
            DELETE FROM thidua.audit_checkpoints WHERE id = \(middle.id);
            """)

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .checkpointMismatch)
        #expect(problem.checkpointID == middle.id)
    }

    // MARK: Forgeries in SQL

    /// An event at the end of `unit`'s chain with a valid hash, under `id`.
    static func appendForgedEvent(to unit: UUID, id: Int64) -> String {
        """
        INSERT INTO thidua.audit_events
        SELECT \(id), e.occurred_at, e.area_id, e.record_type, e.record_id, e.seq + 1, e.actor_id, NULL, e.actor_role,
               NULL, e.record_unit_id, 'units.update', 'Bổ sung', NULL, NULL, e.after, e.hash,
               sha256(e.hash || convert_to(thidua.audit_canonical(e.seq + 1, e.record_type, e.record_id, e.occurred_at,
                   e.area_id, e.actor_id, NULL, e.actor_role, NULL, e.record_unit_id, 'units.update', 'Bổ sung', NULL, NULL, e.after), 'UTF8'))
        FROM thidua.audit_events e
        WHERE e.record_type = 'units' AND e.record_id = '\(unit.uuidString.lowercased())'
        ORDER BY e.seq DESC LIMIT 1
        """
    }

    /// The first event of a unit that never existed, with a valid hash, under `id`.
    static func forgedFirstEvent(of unit: UUID, id: Int64) -> String {
        let record = unit.uuidString.lowercased()
        return """
            INSERT INTO thidua.audit_events (id, occurred_at, area_id, record_type, record_id, seq, actor_id, actor_role,
                action, after, prev_hash, hash)
            SELECT \(id), t, 'test/audit', 'units', '\(record)', 1, '00000000-0000-0000-0000-000000000000', 'installer',
                   'units.insert', a, '\\x0000000000000000000000000000000000000000000000000000000000000000',
                   sha256('\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea
                       || convert_to(thidua.audit_canonical(1, 'units', '\(record)', t, 'test/audit',
                           '00000000-0000-0000-0000-000000000000', NULL, 'installer', NULL, NULL, 'units.insert', NULL, NULL,
                           NULL, a), 'UTF8'))
            FROM (SELECT now() - interval '1 day' AS t, '{"name": "Xã Ma"}'::jsonb AS a) v
            """
    }
}

extension AuditFixture {
    /// An event id inside `1...last` that no event has (a rolled-back change left it unused).
    func unusedID(below last: Int64) async throws -> Int64 {
        try await admin.query("""
            SELECT min(g) FROM generate_series(1::bigint, \(last)) g WHERE NOT EXISTS (SELECT FROM thidua.audit_events e WHERE e.id = g)
            """).first!.decode(Int64.self, at: 0)
    }
}
