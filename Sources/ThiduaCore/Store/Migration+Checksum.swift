import Foundation
import Postgres

extension Migration {
    /// SHA-256 of the file's text in lowercase hexadecimal: what the migrator records for it in the database
    /// (`encode(sha256(convert_to(sql, 'UTF8')), 'hex')`) and what `sql/migrations.sha256` lists for a released one.
    public var checksum: String { SHA256Digest(hashing: Data(sql.utf8)).hex }

    /// The record the database should hold once this migration has run.
    public var expectedRecord: Migrator.AppliedMigration {
        Migrator.AppliedMigration(version: version, name: name, checksum: checksum)
    }
}
