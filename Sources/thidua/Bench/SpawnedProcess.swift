import Foundation
import Glibc

/// A child program started with `posix_spawn`, its standard output and error going to one file, with an
/// empty signal mask and default signal handlers.
///
/// Not `Foundation.Process`: a task runs on a thread that blocks the asynchronous signals, and a child
/// inherits the mask. pgbench ends a `-T` run on `SIGALRM`, so started that way it never ends.
///
/// ```swift
/// let child = try SpawnedProcess.launch("/usr/bin/pgbench", ["-T", "10", "thidua"], output: "/tmp/out")
/// let status = await child.exitStatus()
/// ```
struct SpawnedProcess: Sendable {
    let pid: pid_t

    static func launch(_ path: String, _ arguments: [String], output: String) throws -> SpawnedProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGALRM, SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let words = ([path] + arguments).map { strdup($0) }
        defer { words.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, path, &actions, &attributes, words + [nil], environ)
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL)])
        }
        return SpawnedProcess(pid: pid)
    }

    /// Waits (on a thread of its own) until the child ends: its exit code, or 128 + the signal that ended it.
    func exitStatus() async -> Int32 {
        let pid = pid
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                let signal = status & 0x7f
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
            }
        }
    }

    func terminate() {
        kill(pid, SIGTERM)
    }
}
