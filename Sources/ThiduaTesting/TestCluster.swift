import Foundation
import Postgres
import PostgresCluster
import Synchronization
import ThiduaSchema

/// The one throwaway PostgreSQL cluster of a test process.
///
/// It starts on first use in a fresh folder under the temporary directory (so two test processes never
/// meet: each has its own folder and Unix socket), runs with `fsync` off, and is stopped and deleted when
/// the process exits. A migrated template database is made once; each test clones it, a few at a time, so
/// tests never share data.
public actor TestCluster {
    public static let shared = TestCluster()

    private var started: PostgresCluster?
    /// One creation shared by every caller: the actor is re-entered while it awaits.
    private var template: Task<Void, any Error>?
    private var databaseCount = 0
    /// At most this many `CREATE DATABASE` at once. Hundreds of parametrised cases start together, and some 300
    /// clones of the template at once (each written whole into the WAL) held the cluster — and every other
    /// test's statements — for up to a minute: the 30 s pool waits and 20 s read timeouts of full runs.
    static let concurrentCreations = 4
    private var creating = 0
    private var waitingToCreate: [CheckedContinuation<Void, Never>] = []

    /// The cluster, started on first call.
    public func cluster() throws -> PostgresCluster {
        if let started { return started }
        let cluster = try Self.startCluster()
        started = cluster
        return cluster
    }

    /// A new empty database, or a clone of the migrated template.
    func createDatabase(migrated: Bool) async throws -> (PostgresCluster, String) {
        let cluster = try cluster()
        if migrated {
            let creation = template ?? Task { try await Self.makeTemplate(cluster) }
            template = creation
            try await creation.value
        }
        if creating < Self.concurrentCreations {
            creating += 1
        } else {
            await withCheckedContinuation { waitingToCreate.append($0) }  // handed the place of one that ended
        }
        defer {
            if waitingToCreate.isEmpty { creating -= 1 } else { waitingToCreate.removeFirst().resume() }
        }
        databaseCount += 1
        let name = "test_\(databaseCount)"
        let admin = try await Self.connect(cluster)
        defer { admin.close() }
        try await admin.execute(script: "CREATE DATABASE \(name)\(migrated ? " TEMPLATE thidua_template" : "")")
        return (cluster, name)
    }

    private static func makeTemplate(_ cluster: PostgresCluster) async throws {
        let admin = try await connect(cluster)
        try await admin.execute(script: "CREATE DATABASE thidua_template")
        admin.close()
        let template = try await connect(cluster, database: "thidua_template")
        defer { template.close() }
        try await ThiduaSchema.migrator().migrate(template)
    }

    /// With the same generous `connect_timeout` as `TestDatabase`: under the parallel suite on two cores a
    /// backend's start can take longer than a deployment's 5 s, and CI failed on exactly that.
    static let connectTimeout = " connect_timeout=60"

    private static func connect(_ cluster: PostgresCluster, database: String = "postgres") async throws -> PostgresConnection {
        try await PostgresConnection.connect(to: try cluster.connectionString(database: database) + connectTimeout)
    }

    private static func startCluster() throws -> PostgresCluster {
        var template = Array("/tmp/thidua-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let directory = String(cString: made)
        let cluster = PostgresCluster(
            directory: directory,
            // Each log line names its backend (`[pid]`), which TestDatabase.statements(user:during:) reads.
            options: .init(port: nil, durable: false, settings: [
                "max_connections": "400", "log_min_messages": "warning", "log_line_prefix": "%m [%p] ",
            ])
        )
        try cluster.initialiseIfNeeded()
        try cluster.start()
        running.withLock { $0 = cluster }
        atexit { TestCluster.stopAtExit() }
        return cluster
    }

    private static let running = Mutex<PostgresCluster?>(nil)

    private static func stopAtExit() {
        guard let cluster = running.withLock({ $0 }) else { return }
        try? cluster.stop()
        try? FileManager.default.removeItem(atPath: cluster.directory)
    }
}
