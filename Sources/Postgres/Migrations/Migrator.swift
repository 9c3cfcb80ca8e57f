/// Applies SQL migrations in order, each once, each in its own transaction, and records each with the
/// SHA-256 of its text in a table, so that a file changed after it ran is refused by name.
///
/// Several processes may migrate the same database at once (two server instances starting): a session
/// advisory lock lets one work while the others wait and then find nothing left to do.
///
/// A migration file must not hold `BEGIN`/`COMMIT` of its own. It may `SET LOCAL ROLE` to create objects
/// owned by another role; the migrator resets the role before it records the file.
public struct Migrator: Sendable {
    public let migrations: [Migration]
    /// Where applied migrations are recorded (created when missing).
    public let table: String

    public init(migrations: [Migration], table: String = "schema_migrations") {
        self.migrations = migrations
        self.table = table
    }

    public struct AppliedMigration: Sendable, Hashable {
        public var version: String
        public var name: String
        /// SHA-256 of the file's text, lowercase hexadecimal (as `sha256sum` prints it).
        public var checksum: String

        public init(version: String, name: String, checksum: String) {
            self.version = version
            self.name = name
            self.checksum = checksum
        }

        public var fileName: String { "\(version)_\(name).sql" }
    }

    /// Applies what is pending and returns what it applied (empty when the schema was current).
    @discardableResult
    public func migrate(_ connection: PostgresConnection, willApply: (Migration) -> Void = { _ in }) async throws -> [Migration] {
        try await connection.query("SELECT pg_advisory_lock(hashtext(\(table)))")
        do {
            let applied = try await apply(connection, willApply: willApply)
            try await connection.query("SELECT pg_advisory_unlock(hashtext(\(table)))")
            return applied
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(hashtext(\(table)))")
            throw error
        }
    }

    private func apply(_ connection: PostgresConnection, willApply: (Migration) -> Void) async throws -> [Migration] {
        try await connection.execute(script: """
            CREATE TABLE IF NOT EXISTS public.\(quoted(table)) (
                version text PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                applied_by text NOT NULL DEFAULT session_user
            )
            """)
        let pending = try await pendingMigrations(connection)
        for migration in pending {
            willApply(migration)
            try await connection.withTransaction { connection in
                try await connection.execute(script: migration.sql)
                try await connection.execute(script: "RESET ROLE; RESET search_path")
                try await connection.query(PostgresQuery(
                    unsafeSQL: "INSERT INTO public.\(quoted(table)) (version, name, checksum) VALUES ($1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'))",
                    bindings: bindings(migration.version, migration.name, migration.sql)
                ))
            }
        }
        return pending
    }

    /// The migrations not yet applied, after checking that every applied one is unchanged and known.
    public func pendingMigrations(_ connection: PostgresConnection) async throws -> [Migration] {
        let applied = try await appliedMigrations(connection)
        let checksums = try await fileChecksums(connection)
        for record in applied {
            guard let index = migrations.firstIndex(where: { $0.version == record.version }) else {
                throw MigrationError.unknownApplied(version: record.version, name: record.name)
            }
            guard checksums[index] == record.checksum else {
                throw MigrationError.modified(
                    file: migrations[index].fileName, appliedChecksum: record.checksum, fileChecksum: checksums[index]
                )
            }
        }
        let appliedVersions = Set(applied.map(\.version))
        return migrations.filter { !appliedVersions.contains($0.version) }
    }

    /// What the database records as applied, in order; empty when the table does not exist yet.
    public func appliedMigrations(_ connection: PostgresConnection) async throws -> [AppliedMigration] {
        let exists = try await connection.query("SELECT to_regclass(\("public." + quoted(table))) IS NOT NULL")
        guard try exists.first?.decode(Bool.self, at: 0) == true else { return [] }
        let rows = try await connection.query(PostgresQuery(
            unsafeSQL: "SELECT version, name, checksum FROM public.\(quoted(table)) ORDER BY version"
        ))
        return try rows.map { row in
            let (version, name, checksum) = try row.decode((String, String, String).self)
            return AppliedMigration(version: version, name: name, checksum: checksum)
        }
    }

    /// The newest applied version, `nil` for an empty database.
    public func currentVersion(_ connection: PostgresConnection) async throws -> String? {
        try await appliedMigrations(connection).last?.version
    }

    private func fileChecksums(_ connection: PostgresConnection) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT encode(sha256(convert_to(sql, 'UTF8')), 'hex')
            FROM unnest(\(migrations.map(\.sql))::text[]) WITH ORDINALITY AS file(sql, position)
            ORDER BY position
            """)
        return try rows.map { try $0.decode(String.self, at: 0) }
    }

    private func quoted(_ identifier: String) -> String {
        PostgresQuery.quoted(identifier: identifier)
    }

    private func bindings(_ values: String...) -> PostgresBindings {
        var bindings = PostgresBindings()
        values.forEach { bindings.append($0) }
        return bindings
    }
}
