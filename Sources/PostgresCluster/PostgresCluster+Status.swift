import Foundation

extension PostgresCluster {
    /// Where the cluster stands.
    public enum Status: Sendable, Equatable {
        /// No cluster in the data folder yet.
        case notInitialised
        /// A cluster, no live server (including after a crash that left `postmaster.pid` behind).
        case stopped
        case running(Running)
    }

    /// A live server, as it describes itself in `<pgdata>/postmaster.pid`.
    public struct Running: Sendable, Equatable {
        /// The postmaster's process id.
        public var pid: Int32
        /// The TCP port, or only the socket file's number (`.s.PGSQL.<port>`) when there is no TCP.
        public var port: Int
        public var socketDirectory: String
        /// Whether it also listens on TCP on 127.0.0.1.
        public var listensOnLoopback: Bool

        public init(pid: Int32, port: Int, socketDirectory: String, listensOnLoopback: Bool) {
            self.pid = pid
            self.port = port
            self.socketDirectory = socketDirectory
            self.listensOnLoopback = listensOnLoopback
        }
    }

    /// Looks at the folder: is there a cluster, and is its server alive? Creates nothing.
    ///
    /// Throws when the data folder exists but cannot be read, typically a cluster run by root's `postgres` user
    /// looked at by a normal user: saying "not initialised" then would be a lie.
    public func status() throws -> Status {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: dataDirectory) && !fileManager.isReadableFile(atPath: dataDirectory) {
            throw PostgresClusterError.directoryNotUsable(
                path: dataDirectory,
                reason: "it exists but this user cannot read it; look at it as its owner (or as root)")
        }
        guard folders.isInitialised else { return .notInitialised }
        guard let file = try PostmasterPidFile.read(pidFile),
              PostmasterPidFile.isServerAlive(pid: file.pid)
        else { return .stopped }
        return .running(Running(
            pid: file.pid,
            port: file.port,
            socketDirectory: file.socketDirectory.isEmpty ? socketDirectory : file.socketDirectory,
            listensOnLoopback: !file.listenAddress.isEmpty))
    }
}
