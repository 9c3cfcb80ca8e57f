import Foundation
import Postgres
import Testing
import ThiduaSchema
import ThiduaTesting

@Suite struct MigratorTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
    }

    private let first = Migration(version: "0001", name: "units", sql: "CREATE TABLE units (code text PRIMARY KEY)")
    private let second = Migration(version: "0002", name: "unit_names", sql: "ALTER TABLE units ADD COLUMN name text")

    @Test func aFreshDatabaseReachesTheLatestVersionAndARerunIsANoOp() async throws {
        let connection = try await database.connect()
        let migrator = Migrator(migrations: [first, second])
        #expect(try await migrator.currentVersion(connection) == nil)
        #expect(try await migrator.migrate(connection).map(\.version) == ["0001", "0002"])
        #expect(try await migrator.currentVersion(connection) == "0002")
        #expect(try await migrator.migrate(connection).isEmpty)
        let applied = try await migrator.appliedMigrations(connection)
        #expect(applied.map(\.name) == ["units", "unit_names"])
        #expect(applied.allSatisfy { $0.checksum.count == 64 })
        // The schema really changed.
        try await connection.query("INSERT INTO units (code, name) VALUES ('X', 'Xá Nhè')")
    }

    @Test func aNewFileIsAppliedOnTheNextRun() async throws {
        let connection = try await database.connect()
        try await Migrator(migrations: [first]).migrate(connection)
        #expect(try await Migrator(migrations: [first, second]).migrate(connection).map(\.version) == ["0002"])
    }

    @Test func aModifiedAppliedFileIsRefusedByName() async throws {
        let connection = try await database.connect()
        try await Migrator(migrations: [first]).migrate(connection)
        var edited = first
        edited.sql += " -- a quiet edit"
        await #expect {
            try await Migrator(migrations: [edited, second]).migrate(connection)
        } throws: { error in
            guard case MigrationError.modified(let file, _, _) = error else { return false }
            return file == "0001_units.sql" && "\(error)".contains("0001_units.sql")
        }
        // Nothing after the refusal ran.
        #expect(try await Migrator(migrations: [first]).currentVersion(connection) == "0001")
    }

    @Test func anAppliedMigrationMissingFromTheBuildIsRefused() async throws {
        let connection = try await database.connect()
        try await Migrator(migrations: [first, second]).migrate(connection)
        await #expect(throws: MigrationError.unknownApplied(version: "0002", name: "unit_names")) {
            try await Migrator(migrations: [first]).migrate(connection)
        }
    }

    @Test func aFailingMigrationLeavesNoTraceAndIsNotRecorded() async throws {
        let connection = try await database.connect()
        let broken = Migration(version: "0002", name: "broken", sql: "CREATE TABLE half (x int); SELECT 1/0;")
        await #expect(throws: PostgresError.self) { try await Migrator(migrations: [first, broken]).migrate(connection) }
        #expect(try await Migrator(migrations: [first]).currentVersion(connection) == "0001")
        #expect(try await connection.query("SELECT to_regclass('half') IS NULL").first!.decode(Bool.self, at: 0))
    }

    @Test func twoProcessesMigratingAtOnceApplyEachFileOnce() async throws {
        let migrator = Migrator(migrations: [first, second])
        let applied = try await withThrowingTaskGroup(of: [Migration].self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let connection = try await database.connect()
                    defer { connection.close() }
                    return try await migrator.migrate(connection)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(applied.map(\.count).sorted() == [0, 2])
    }

    @Test func filesAreReadInVersionOrderAndBadNamesAreRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "SELECT 2".write(to: folder.appendingPathComponent("0002_second.sql"), atomically: true, encoding: .utf8)
        try "SELECT 1".write(to: folder.appendingPathComponent("0001_first.sql"), atomically: true, encoding: .utf8)
        #expect(try Migration.load(from: folder).map(\.fileName) == ["0001_first.sql", "0002_second.sql"])
        try "SELECT 3".write(to: folder.appendingPathComponent("3_third.sql"), atomically: true, encoding: .utf8)
        #expect(throws: MigrationError.badFileName("3_third.sql")) { try Migration.load(from: folder) }
    }

    @Test func thiduaSchemaCreatesItsRolesAndExtensions() async throws {
        // Roles are the cluster's, not the database's: wait until the shared template has made them, so the two
        // migrations never race to create the same role (seen on CI as "role thidua_definer does not exist").
        _ = try await TestDatabase.make()
        let connection = try await database.connect()
        let applied = try await ThiduaSchema.migrator().migrate(connection)
        #expect(applied.first?.fileName == "0001_roles_and_extensions.sql")
        let roles = try await connection.query("""
            SELECT rolname, rolcanlogin, rolbypassrls, rolsuper FROM pg_roles WHERE rolname LIKE 'thidua%' ORDER BY rolname
            """).map { try $0.decode((String, Bool, Bool, Bool).self) }
        #expect(roles.map(\.0) == ["thidua_app", "thidua_definer", "thidua_owner", "thidua_reader", "thidua_verifier"])
        #expect(roles.allSatisfy { !$0.3 })
        // Only the owner of the few SECURITY DEFINER functions (which cannot log in) and the audit verifier (which
        // reads the three audit tables and nothing else: AuditVerificationRoutesTests) bypass row-level security.
        #expect(roles.filter(\.2).map(\.0) == ["thidua_definer", "thidua_verifier"])
        #expect(roles.filter(\.1).map(\.0) == ["thidua_app", "thidua_reader", "thidua_verifier"])
        let extensions = try await connection.query("SELECT extname FROM pg_extension WHERE extname IN ('pgcrypto', 'unaccent') ORDER BY 1")
        #expect(try extensions.map { try $0.decode(String.self, at: 0) } == ["pgcrypto", "unaccent"])
        let unaccented = try await connection.query("SELECT thidua.unaccented(\("Tủa Chùa, Đà Nẵng, Sính Phình"))")
        #expect(try unaccented.first!.decode(String.self, at: 0) == "Tua Chua, Da Nang, Sinh Phinh")
        let volatility = try await connection.query("SELECT provolatile::text FROM pg_proc WHERE proname = 'unaccented'")
        #expect(try volatility.first!.decode(String.self, at: 0) == "i")
    }
}
