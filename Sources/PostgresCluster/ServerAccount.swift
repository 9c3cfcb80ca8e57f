import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system account that owns the cluster's files and runs its server.
///
/// `initdb` and `postgres` refuse to run as root (a compromised server would own the machine). When we are root —
/// as in containers and CI — the cluster therefore belongs to the `postgres` system user, created on first need,
/// and its programs run through `runuser`. Otherwise it belongs to whoever runs us and the programs run directly.
struct ServerAccount: Sendable {
    /// The name of the system user that takes over when we are root.
    static let systemUserName = "postgres"

    /// The user the programs run as through `runuser`; nil when they run as ourselves.
    let runAs: String?
    let uid: uid_t
    let gid: gid_t

    /// Whether the server runs as someone else than this process, so that folders must be handed over to it.
    var isOtherUser: Bool { runAs != nil }

    /// The account for this process: ourselves, or the `postgres` system user (created if missing) when we are root.
    static func forThisProcess(logger: Logger) throws -> ServerAccount {
        guard geteuid() == 0 else {
            return ServerAccount(runAs: nil, uid: geteuid(), gid: getegid())
        }
        if let ids = userIDs(systemUserName) {
            return ServerAccount(runAs: systemUserName, uid: ids.uid, gid: ids.gid)
        }
        try createSystemUser(logger: logger)
        guard let ids = userIDs(systemUserName) else {
            throw PostgresClusterError.serverUserUnavailable(
                user: systemUserName, reason: "it still does not exist after useradd reported success")
        }
        return ServerAccount(runAs: systemUserName, uid: ids.uid, gid: ids.gid)
    }

    /// `executable arguments…`, run as this account.
    func command(_ executable: String, _ arguments: [String], workingDirectory: String?) throws -> ExternalCommand {
        guard let runAs else {
            return ExternalCommand(executable, arguments, workingDirectory: workingDirectory)
        }
        let places = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"]
        guard let runuser = Self.firstExecutable(places) else {
            throw PostgresClusterError.serverUserUnavailable(
                user: runAs,
                reason: "runuser (from util-linux) is needed to run the server as that user and is missing")
        }
        return ExternalCommand(runuser, ["-u", runAs, "--", executable] + arguments, workingDirectory: workingDirectory)
    }

    /// A system user with no home and no login shell, the same shape the Debian package creates.
    private static func createSystemUser(logger: Logger) throws {
        guard let useradd = firstExecutable(["/usr/sbin/useradd", "/sbin/useradd", "/usr/bin/useradd"]) else {
            throw PostgresClusterError.serverUserUnavailable(
                user: systemUserName, reason: "it does not exist and useradd was not found to create it")
        }
        // useradd refuses to create a same-named group that already exists, so join it instead.
        let group = groupExists(systemUserName) ? ["--gid", systemUserName] : ["--user-group"]
        let arguments = ["--system", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin"]
            + group + [systemUserName]
        logger.notice("creating the system user '\(systemUserName)' to run PostgreSQL (it refuses to run as root)")
        let outcome = try ExternalCommand(useradd, arguments).run()
        // Another process may have created it at the same moment; only its absence is a failure.
        if !outcome.succeeded && userIDs(systemUserName) == nil {
            throw PostgresClusterError.serverUserUnavailable(
                user: systemUserName,
                reason: "useradd failed (exit \(outcome.exitCode)): \(outcome.output.trimmingWhitespace())")
        }
    }

    private static func userIDs(_ name: String) -> (uid: uid_t, gid: gid_t)? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let size = buffer.count
        guard getpwnam_r(name, &entry, &buffer, size, &result) == 0, let found = result else { return nil }
        return (found.pointee.pw_uid, found.pointee.pw_gid)
    }

    private static func groupExists(_ name: String) -> Bool {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let size = buffer.count
        return getgrnam_r(name, &entry, &buffer, size, &result) == 0 && result != nil
    }

    private static func firstExecutable(_ paths: [String]) -> String? {
        paths.first(where: FileManager.default.isExecutableFile)
    }
}
