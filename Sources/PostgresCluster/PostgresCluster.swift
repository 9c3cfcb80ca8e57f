import Foundation
import Logging

/// A private PostgreSQL cluster that lives entirely in one folder.
///
/// thidua's demo, its `db start|stop|status` commands and its test suites each need a server of their own: one
/// they can create, start and throw away without touching a system-wide installation, a shared socket folder such
/// as `/var/run/postgresql`, or a fixed TCP port. So everything the cluster has — data, Unix socket, log — lives
/// under ``directory``, and two clusters in two folders never collide.
///
/// The value only says where the cluster lives and how to run it. Every method looks at the folder afresh, so
/// separate processes (`thidua db start`, later `thidua db status`) agree on its state.
public struct PostgresCluster: Sendable {
    /// The superuser initdb creates.
    public static let superuser = "postgres"
    /// The port used for the socket file's name when the cluster has no TCP port.
    public static let defaultPort = 5432

    /// The cluster's home, always an absolute path.
    public let directory: String
    public var options: Options
    /// The PostgreSQL programs to use; nil finds them (``PostgresBinaries/find(environment:)``) when needed.
    public var binaries: PostgresBinaries?
    /// Receives a line for each command run (debug) and for fallbacks taken (warning).
    public var logger: Logger

    /// `directory` is the cluster's home: `<directory>/pgdata` (the data folder), `<directory>/socket` (the Unix
    /// socket folder), `<directory>/postgres.log`. A relative path is taken from the current folder and kept
    /// absolute, because the server tools run from another folder. Nothing is created until a method needs it.
    public init(directory: String, options: Options = .init()) {
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        self.options = options
        self.binaries = nil
        self.logger = Logger(label: "thidua.postgres-cluster")
    }

    /// `<directory>/pgdata`, the data folder initdb fills.
    public var dataDirectory: String { path("pgdata") }
    /// `<directory>/socket`, where the server puts its Unix socket.
    public var socketDirectory: String { path("socket") }
    /// `<directory>/postgres.log`, the server's log.
    public var logFile: String { path("postgres.log") }

    var folders: ClusterFolders {
        ClusterFolders(home: directory, data: dataDirectory, socket: socketDirectory)
    }

    var pidFile: String { dataDirectory + "/postmaster.pid" }

    func resolvedBinaries() throws -> PostgresBinaries {
        try binaries ?? PostgresBinaries.find()
    }

    private func path(_ name: String) -> String {
        directory == "/" ? "/" + name : directory + "/" + name
    }
}
