import Foundation

/// Process checks the tests need.
enum Processes {
    /// Whether `pid` runs (a zombie, dead but not yet reaped by its parent, does not count).
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ")
        else { return true }
        return stat[afterName.upperBound...].first != "Z"
    }

    /// Whether `pid` ends within `seconds`. `pg_ctl stop` returns once the server removed its pid file, a moment
    /// before the process itself is gone.
    static func ends(_ pid: Int32, within seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while isAlive(pid) {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    /// The pid of a process that has just exited (and been reaped), to fake a crashed server's pid file.
    static func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    static var isRoot: Bool { geteuid() == 0 }

    /// Runs `body` with the pid of a live process that is not PostgreSQL but belongs to the user PostgreSQL runs as
    /// (`postgres` when we are root): a crashed server's pid given to another program. PostgreSQL itself only
    /// ignores a lock file whose pid is dead or belongs to another user, so this is the case it cannot handle.
    static func withForeignProcess<T>(_ body: (Int32) throws -> T) throws -> T {
        let script = "echo $$; exec sleep 30"
        let process = Process()
        if isRoot {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--", "/bin/sh", "-c", script]
        } else {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
        }
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data += chunk
        }
        guard let pid = Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "no pid from the sleeper"])
        }
        defer {
            kill(pid, SIGKILL)  // not SIGTERM: a child of a Dispatch thread starts with it blocked
            process.waitUntilExit()
        }
        return try body(pid)
    }
}
