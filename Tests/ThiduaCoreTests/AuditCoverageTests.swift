import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// The trail must still cover the records: an emptied or cut trail is not intact while audited records exist,
/// and neither is a record put back after its chain recorded its deletion (issue 17).
@Suite("AuditCoverageTests")
struct AuditCoverageTests {
    @Test func aFreshDatabaseWithTheCatalogueAndTheDemoVerifiesIntact() async throws {
        let database = try await TestDatabase.make()
        let admin = try await database.connect()
        try await DataSet.load([.tuaChuaCatalogue, .tuaChuaDemoUsers], superuser: admin)
        let verification = try await AuditVerifier(connection: admin).verify()
        #expect(verification.problem == nil, "\(verification.problem.map { "\($0)" } ?? "")")
        #expect(verification.eventsChecked > 100)

        // The server's auditors verify through thidua_verifier, which reads the records' keys and nothing else.
        let verifier = try await database.connect(user: "thidua_verifier")
        #expect(try await AuditVerifier(connection: verifier).verify().problem == nil)
        await #expect(throws: PostgresError.self) { try await verifier.query("SELECT full_name FROM thidua.users") }
    }

    @Test func anEmptiedTrailIsNotIntactWhileAuditedRecordsExist() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        try await fixture.forge("DELETE FROM thidua.audit_events")

        let verification = try await fixture.verify()
        let problem = try #require(verification.problem)
        #expect(verification.eventsChecked == 0)
        #expect(problem.kind == .removed)
        // The first uncovered record in table order: the area the fixture starts with.
        #expect(problem.record == AuditRecordKey(type: "areas", id: AuditFixture.area))
        #expect(problem.vietnamese.contains("không có sự kiện nào"))
        #expect(problem.english.contains("holds no event about it"))
    }

    @Test func aRecordWhoseWholeUnsealedChainWasCutIsNamed() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        try await fixture.forge("DELETE FROM thidua.audit_events WHERE record_id = '\(units[2].uuidString.lowercased())'")

        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .removed)
        #expect(problem.record == AuditFixture.record(units[2]))
        #expect(problem.eventID == nil)
    }

    @Test func aRecordPutBackAfterItsDeletionIsNamedWithTheDeletionEvent() async throws {
        let fixture = try await AuditFixture.make()
        let gone = try await fixture.addCommune("xa-cu", "Xã Cũ")
        try await fixture.asInstaller("DELETE FROM thidua.units WHERE id = '\(gone.uuidString.lowercased())'")
        #expect(try await fixture.verify().problem == nil)
        let deletion = try await fixture.eventID(gone, seq: 2)

        try await fixture.forge("""
            INSERT INTO thidua.units (id, area_id, code, name, kind)
            VALUES ('\(gone.uuidString.lowercased())', '\(AuditFixture.area)', 'xa-cu', 'Xã Cũ', 'commune')
            """)
        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.kind == .removed)
        #expect(problem.record == AuditFixture.record(gone))
        #expect(problem.eventID == deletion)
        #expect(problem.english.contains("records its deletion"))
    }

    @Test func aRecordAddedWithAuditingOffIsNamed() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        let hidden = UUID()
        try await fixture.forge("""
            INSERT INTO thidua.units (id, area_id, code, name, kind)
            VALUES ('\(hidden.uuidString.lowercased())', '\(AuditFixture.area)', 'xa-an', 'Xã Ẩn', 'commune')
            """)
        let problem = try #require(try await fixture.verify().problem)
        #expect(problem.record == AuditFixture.record(hidden))
        #expect(problem.eventID == nil)
    }
}

extension AuditCoverageTests {
    @Test func theTablesMigrationsSeedAreExactlyTheOnesWhoseRowsMayHaveNoEvents() async throws {
        let database = try await TestDatabase.make()
        let admin = try await database.connect()
        let tables = try await admin.query("""
            SELECT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'thidua' AND t.tgname = 'audit'
            """).map { try $0.decode(String.self, at: 0) }
        var seeded: Set<String> = []
        for table in tables where try await admin.query(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT FROM thidua.\(table))"))
            .single()!.decode(Bool.self, at: 0) {
            seeded.insert(table)
        }
        #expect(seeded == AuditCoverage.tablesSeededByMigrations)
    }
}
