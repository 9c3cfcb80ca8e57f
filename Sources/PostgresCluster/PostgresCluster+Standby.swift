import Foundation
import Logging

extension PostgresCluster {
    /// Makes this cluster a streaming-replication hot standby of `primary`, which must be running: its data folder
    /// becomes a `pg_basebackup` of the primary's, taken over the primary's socket with the WAL streamed alongside,
    /// and `-R` writes `standby.signal` and `primary_conninfo`, so that ``start()`` runs it in recovery, replaying
    /// the primary's WAL as it arrives and answering read-only queries meanwhile (the deployment's read replica,
    /// deploy/README.md).
    public func initialiseAsStandby(of primary: PostgresCluster) throws {
        guard case .running(let running) = try primary.status() else {
            throw PostgresClusterError.notRunning(directory: primary.directory)
        }
        let account = try ServerAccount.forThisProcess(logger: logger)
        try folders.prepare(for: account)
        guard !folders.isInitialised else {
            throw PostgresClusterError.directoryNotUsable(path: dataDirectory, reason: "it holds a cluster already")
        }
        let command = try account.command(
            try resolvedBinaries().path(of: "pg_basebackup"),
            ["-D", dataDirectory, "-R", "-X", "stream", "-c", "fast",
             "-h", running.socketDirectory, "-p", String(running.port), "-U", Self.superuser],
            workingDirectory: directory)
        logger.debug("running \(command)")
        let outcome = try command.run()
        guard outcome.succeeded else {
            throw PostgresClusterError.commandFailed(
                command: command.description, exitCode: outcome.exitCode, output: outcome.output, logTail: "")
        }
    }
}
