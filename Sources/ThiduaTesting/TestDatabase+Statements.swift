import Foundation
import Postgres
import PostgresCluster
import ThiduaCore

extension TestDatabase {
    /// The statements `work` sends through the pool it is given, in order, as PostgreSQL logs them: the pool is one
    /// connection of its own, as `user`, opened while `log_statement = all` is set for this database, and the log
    /// lines are those of its backend (`[pid]`, TestCluster's `log_line_prefix`), so other connections — of this
    /// database or of other tests' — add nothing. For tests that a piece of work takes a fixed number of statements.
    ///
    /// ```swift
    /// let sent = try await database.statements { pool in _ = try await ReportRepository(store: RecordStore(pool: pool)).movements(year: 2021, as: secretary) }
    /// #expect(sent.filter { $0.contains("thidua.movements") }.count == 2)
    /// ```
    public func statements(user: String = "thidua_app", during work: (PostgresPool) async throws -> Void) async throws -> [String] {
        let name = PostgresQuery.quoted(identifier: self.name)
        let admin = try await connect()
        defer { admin.close() }
        try await admin.execute(script: "ALTER DATABASE \(name) SET log_statement = 'all'")
        let pool = try self.pool(user: user, maximumConnections: 1)
        let logFile = cluster.logFile
        do {
            let backend = try await pool.query("SELECT pg_backend_pid()").single()!.decode(Int32.self, at: 0)
            let offset = (try FileManager.default.attributesOfItem(atPath: logFile)[.size] as? UInt64) ?? 0
            try await work(pool)
            await pool.close()
            try await admin.execute(script: "ALTER DATABASE \(name) RESET log_statement")
            guard let handle = FileHandle(forReadingAtPath: logFile) else { throw CocoaError(.fileReadNoPermission) }
            defer { try? handle.close() }
            try handle.seek(toOffset: offset)
            let log = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
            return try LoggedStatement.parse(log: log).filter { $0.processID == backend }.map(\.sql)
        } catch {
            await pool.close()
            try? await admin.execute(script: "ALTER DATABASE \(name) RESET log_statement")
            throw error
        }
    }
}

extension RecordsWorld {
    /// ``TestDatabase/statements(user:during:)`` for repository calls: `work` gets a store over the logged connection.
    ///
    /// ```swift
    /// let sent = try await world.statements { store in _ = try await ExemplarRepository(store: store).candidates(for: review, as: secretary) }
    /// ```
    public func statements(during work: (RecordStore) async throws -> Void) async throws -> [String] {
        try await database.statements { pool in try await work(RecordStore(pool: pool)) }
    }
}

extension TestDatabase {
    /// The statement that makes `user` the actor of the current transaction of an application connection, acting
    /// in `role`: a session the superuser opens for them, presented as the server presents its users' (0029).
    public func presenting(_ user: UUID, role: String? = nil, reason: String? = nil) async throws -> PostgresQuery {
        let admin = try await connect()
        defer { admin.close() }
        return RecordStore.identification(.session(try await SessionRepository.open(for: user, on: admin)), role: role, reason: reason)
    }
}
