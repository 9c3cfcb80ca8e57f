import Foundation
import Logging

extension PostgresCluster {
    /// Runs initdb if `pgdata` is missing or empty, after creating the folders. Returns true when it created the
    /// cluster, false when one was already there.
    ///
    /// The cluster is UTF-8 with the superuser "postgres", trust for local socket connections (the socket folder
    /// is private) and SCRAM passwords over TCP, and Vietnamese ICU sorting by default (see ``InitdbLocale``).
    @discardableResult
    public func initialiseIfNeeded() throws -> Bool {
        let account = try ServerAccount.forThisProcess(logger: logger)
        try folders.prepare(for: account)
        if folders.isInitialised { return false }
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory)) ?? []
        guard leftovers.isEmpty else {
            let names = leftovers.sorted().prefix(5).joined(separator: ", ")
            throw PostgresClusterError.directoryNotUsable(
                path: dataDirectory,
                reason: "it holds files (\(names)) but no PG_VERSION, so it is not a PostgreSQL data folder; "
                    + "move it away or empty it")
        }
        try runInitdb(account: account, binaries: try resolvedBinaries())
        return true
    }

    /// Starts the server (initialising the cluster first if needed) and waits until it accepts connections.
    ///
    /// If this folder's server is already running, returns its state without starting a second one — even when
    /// it was started with other options.
    @discardableResult
    public func start() throws -> Running {
        if case .running(let running) = try status() { return running }
        try initialiseIfNeeded()
        removeStaleLockFiles()
        // A picked port can be taken by someone else before the server binds it; then pick again.
        let attempts = options.port == 0 ? 3 : 1
        for attempt in 1...attempts {
            let port = try options.port == 0 ? LoopbackPort.pickFree() : options.port ?? Self.defaultPort
            let command = try pgCtl("start", ["-l", logFile, "-o", serverOptions(port: port)])
            let outcome = try command.run()
            // Also covers losing a race with another process starting this same cluster.
            if case .running(let running) = try status() { return running }
            if attempt < attempts && ServerLog.tail(of: logFile).contains("could not bind") {
                logger.warning("port \(port) was taken before PostgreSQL could bind it; picking another")
                continue
            }
            throw failure(of: command, outcome, note: "pg_ctl reported success but no server is running")
        }
        throw PostgresClusterError.notRunning(directory: directory)  // not reached: the last attempt throws
    }

    /// Stops the server (`pg_ctl -w -m fast stop`: open sessions are ended, nothing is lost). Nothing to do when it
    /// is not running.
    public func stop() throws {
        guard case .running = try status() else { return }
        let command = try pgCtl("stop", ["-m", "fast"])
        let outcome = try command.run()
        // It may have stopped on its own in between; only a server still alive is a failure.
        if !outcome.succeeded, case .running = try status() {
            throw failure(of: command, outcome)
        }
    }

    /// Restarts the server (`pg_ctl -w -m fast restart`) with the same options, port and socket, so clients can
    /// reconnect where they were. Starts it when it is not running.
    public func restart() throws {
        guard case .running(let running) = try status() else {
            try start()
            return
        }
        let command = try pgCtl("restart", ["-m", "fast", "-l", logFile, "-o", serverOptions(port: running.port)])
        let outcome = try command.run()
        guard outcome.succeeded, case .running = try status() else {
            throw failure(of: command, outcome, note: "pg_ctl reported success but no server is running")
        }
    }

    /// `pg_ctl <action> -w -t 60 -D <pgdata> <arguments>`, as the server's account, from the cluster's folder.
    private func pgCtl(_ action: String, _ arguments: [String]) throws -> ExternalCommand {
        let command = try ServerAccount.forThisProcess(logger: logger).command(
            try resolvedBinaries().pgCtl,
            [action, "-w", "-t", "60", "-D", dataDirectory] + arguments,
            workingDirectory: directory)
        logger.debug("running \(command)")
        return command
    }

    private func serverOptions(port: Int) -> String {
        ServerArguments(options: options, port: port, socketDirectory: socketDirectory).pgCtlOptions
    }

    /// The error for a pg_ctl run that did not leave the server as asked, with the server log's end: pg_ctl itself
    /// only says "could not start server", the log says why.
    private func failure(
        of command: ExternalCommand, _ outcome: ExternalCommand.Outcome, note: String? = nil
    ) -> PostgresClusterError {
        var output = outcome.output
        if outcome.succeeded, let note { output += "\n(\(note))" }
        return .commandFailed(
            command: command.description, exitCode: outcome.exitCode, output: output,
            logTail: ServerLog.tail(of: logFile))
    }

    /// Removes the lock files a crashed server left behind: `postmaster.pid` and the socket's
    /// `.s.PGSQL.<port>.lock`.
    ///
    /// PostgreSQL ignores them when their pid is dead or another user's, but refuses to start when that pid has
    /// since gone to another program of the same user, which is common in containers where pids restart from 1
    /// after each boot. A file whose pid is a live PostgreSQL (say, another process starting this cluster right
    /// now) is left alone.
    private func removeStaleLockFiles() {
        let socketLocks = ((try? FileManager.default.contentsOfDirectory(atPath: socketDirectory)) ?? [])
            .filter { $0.hasPrefix(".s.PGSQL.") && $0.hasSuffix(".lock") }
            .map { socketDirectory + "/" + $0 }
        for path in [pidFile] + socketLocks {
            guard let file = try? PostmasterPidFile.read(path), !PostmasterPidFile.isServerAlive(pid: file.pid)
            else { continue }
            logger.debug("removing \(path), left by a server (pid \(file.pid)) that is gone")
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
