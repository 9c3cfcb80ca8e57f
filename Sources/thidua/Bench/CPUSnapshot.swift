import Foundation
import Glibc

/// CPU time used so far by the client process, by each process of the benchmark's PostgreSQL (the
/// postmaster's children: backends, checkpointer, autovacuum…), and by the whole machine, read from `/proc`.
struct CPUSnapshot {
    /// User plus system seconds of the client; 0 when it cannot be read (it ended).
    let client: Double
    /// User plus system seconds of each server process alive now.
    let server: [Int32: Double]
    /// Busy and total seconds of all cores together (busy excludes idle and I/O wait).
    let machineBusy: Double
    let machineTotal: Double

    init(client pid: Int32, postmaster: Int32) {
        client = Self.stat(pid).map { $0.seconds } ?? 0
        var server: [Int32: Double] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let candidate = Int32(name), let stat = Self.stat(candidate),
                  candidate == postmaster || stat.parent == postmaster else { continue }
            server[candidate] = stat.seconds
        }
        self.server = server
        // /proc/stat's first line: "cpu user nice system idle iowait irq softirq steal guest guest_nice".
        let machine = (try? String(contentsOfFile: "/proc/stat", encoding: .utf8))?
            .split(separator: "\n").first?.split(separator: " ").dropFirst().compactMap { Double($0) } ?? []
        let total = machine.prefix(8).reduce(0, +)
        let idle = machine.count > 4 ? machine[3] + machine[4] : total
        machineBusy = (total - idle) / Self.tick
        machineTotal = total / Self.tick
    }

    /// Server CPU seconds from `earlier` to this snapshot; a process that started in between counts from 0.
    func serverSeconds(since earlier: CPUSnapshot) -> Double {
        server.reduce(0) { $0 + $1.value - (earlier.server[$1.key] ?? 0) }
    }

    private static let tick = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// `/proc/<pid>/stat`: "pid (name) state ppid …"; after the name, ppid is the 2nd field, utime and
    /// stime the 12th and 13th.
    private static func stat(_ pid: Int32) -> (parent: Int32, seconds: Double)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let parent = Int32(fields[1]), let user = Double(fields[11]), let system = Double(fields[12])
        else { return nil }
        return (parent, (user + system) / tick)
    }
}
