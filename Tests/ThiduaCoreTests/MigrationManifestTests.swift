import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaSchema
import ThiduaTesting

/// A migration that has landed is never edited (issue 12): `sql/migrations.sha256` lists every released file
/// with its SHA-256, as `sha256sum` prints it (`cd sql/migrations && sha256sum -c ../migrations.sha256` checks it
/// by hand). A change to a listed file fails here; so does a new file nobody listed, so the list is kept as
/// migrations are added, and the checksums are the ones the migrator records and `/ready` compares.
@Suite struct MigrationManifestTests {
    static let manifest = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sql/migrations.sha256")

    /// File name → checksum, from the manifest.
    static func released() throws -> [String: String] {
        let text = try String(contentsOf: manifest, encoding: .utf8)
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.isEmpty {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            try #require(parts.count == 2 && parts[0].count == 64, "a manifest line is `<sha256>  <file>`: \(line)")
            #expect(entries.updateValue(String(parts[0]), forKey: String(parts[1])) == nil, "\(parts[1]) listed twice")
        }
        return entries
    }

    @Test("every released migration is unchanged, and every migration file is listed")
    func releasedMigrationsAreUnchanged() throws {
        let released = try Self.released()
        let migrations = try ThiduaSchema.migrator().migrations
        #expect(migrations.count >= 18)
        for migration in migrations {
            let listed = try #require(released[migration.fileName], "\(migration.fileName) is not in sql/migrations.sha256: add it there")
            #expect(listed == migration.checksum, "\(migration.fileName) was edited after its release: write a new migration instead")
        }
        let files = Set(migrations.map(\.fileName))
        for name in released.keys {
            #expect(files.contains(name), "\(name) is released but its file is gone")
        }
    }

    @Test("the checksum is the one the migrator records in the database")
    func checksumsMatchTheDatabase() async throws {
        let database = try await TestDatabase.make()
        let connection = try await database.connect()
        defer { connection.close() }
        let recorded = try await ThiduaSchema.appliedMigrations(connection)
        #expect(recorded == (try ThiduaSchema.migrator().migrations.map(\.expectedRecord)))
    }
}
