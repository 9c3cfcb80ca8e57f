import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaSchema
import ThiduaTesting

/// Issue 12 item 5: a live database upgrades. Each fixture is `pg_dump` of the demo (`thidua demo`, its data
/// loaded by that build's own loader) made by a build newcomers' folders came from:
/// - `demo-at-0012.sql.gz`, commit b526cbb, the last build before 0013, when these migrations started to land;
/// - `demo-at-0021.sql.gz`, commit ac23b7e, the last build before 0022 (with a signed-in session).
/// Restored into a fresh database, each migrates to this build's schema: the migrations applied are exactly the
/// binary's, by checksum, nothing of the demo is lost, and its audit chain still verifies. (By hand, the same was
/// shown on the folders themselves: each started with the build after it and answered /ready.)
@Suite struct MigrationUpgradeTests {
    static func fixture(_ version: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/demo-at-\(version).sql.gz")
    }

    @Test(arguments: ["0012", "0021"])
    func theDemoOfAnEarlierSchemaMigratesToTheLatestAndItsAuditChainStillVerifies(version: String) async throws {
        _ = try await TestDatabase.make()  // the cluster's roles, which a dump does not hold
        let database = try await TestDatabase.make(migrated: false)
        try await Self.restore(Self.fixture(version), into: try database.connectionString())
        let admin = try await database.connect()
        defer { admin.close() }
        let migrator = try ThiduaSchema.migrator()
        #expect(try await migrator.currentVersion(admin) == version)
        let counts = "SELECT (SELECT count(*) FROM thidua.nominations)::int, (SELECT count(*) FROM thidua.audit_events)::int"
        let (nominations, events) = try #require(try await admin.query(PostgresQuery(unsafeSQL: counts)).first?.decode((Int, Int).self))
        #expect(nominations >= 30)

        let applied = try await migrator.migrate(admin)
        let next = String(format: "%04d", Int(version)! + 1)
        #expect(applied.first?.version == next && applied.last?.version == migrator.migrations.last?.version)
        #expect(try await ThiduaSchema.appliedMigrations(admin) == migrator.migrations.map(\.expectedRecord), "what /ready compares")
        let (after, eventsAfter) = try #require(try await admin.query(PostgresQuery(unsafeSQL: counts)).first?.decode((Int, Int).self))
        #expect(after == nominations, "no nomination lost")
        #expect(eventsAfter >= events, "the trail only grows")
        let verification = try await AuditVerifier(connection: admin).verify()
        #expect(verification.problem == nil, "\(String(describing: verification.problem))")
        #expect(verification.eventsChecked == eventsAfter)
    }

    /// `gunzip | psql` on a thread of its own (it blocks until the restore ends).
    static func restore(_ dump: URL, into connectionString: String) async throws {
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "gunzip -c \"$0\" | psql -X -q -v ON_ERROR_STOP=1 -d \"$1\" >/dev/null", dump.path, connectionString]
                do {
                    try process.run()
                    process.waitUntilExit()
                    continuation.resume(returning: process.terminationStatus)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        try #require(status == 0, "the restore of \(dump.lastPathComponent) failed")
    }
}
