import Postgres
import PostgresCluster

/// A database of its own for one test, in the process's throwaway cluster.
///
/// ```swift
/// let database = try await TestDatabase.make()          // migrated to the latest schema
/// let pool = try database.pool()                         // as the superuser
/// let app = try database.pool(user: ThiduaSchema.applicationRole)
/// ```
public struct TestDatabase: Sendable {
    public let name: String
    public let cluster: PostgresCluster

    /// A fresh database: a clone of the migrated template, or empty when `migrated` is false.
    public static func make(migrated: Bool = true) async throws -> TestDatabase {
        let (cluster, name) = try await TestCluster.shared.createDatabase(migrated: migrated)
        return TestDatabase(name: name, cluster: cluster)
    }

    /// With a generous `connect_timeout`: the whole suite runs in parallel on two cores, and a backend's start
    /// can then take longer than the 5 s a deployment gets.
    public func connectionString(user: String = "postgres") throws -> String {
        try cluster.connectionString(database: name, user: user) + TestCluster.connectTimeout
    }

    public func connect(user: String = "postgres") async throws -> PostgresConnection {
        try await PostgresConnection.connect(to: try connectionString(user: user))
    }

    /// A pool on this database. Its wait for a connection is 30 s, not the server's 10: the whole suite shares
    /// two cores, and the machine is shared too — whole-process pauses of 10–20 s were seen in full runs, and a
    /// test about something else must not fail on them.
    public func pool(
        user: String = "postgres", maximumConnections: Int = 4, acquireTimeout: Duration = .seconds(30)
    ) throws -> PostgresPool {
        PostgresPool(configuration: .init(
            connectionString: try connectionString(user: user),
            maximumConnections: maximumConnections,
            acquireTimeout: acquireTimeout
        ))
    }
}
