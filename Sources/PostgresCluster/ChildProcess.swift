#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting a program with `posix_spawn` and waiting for it with `waitpid`, leaving it no descriptor but its
/// standard input, output and error.
///
/// Foundation's `Process` cannot run `pg_ctl start`: on Linux it learns that a child ended when a socket it hands
/// to the child reaches end-of-file, i.e. when *every* process holding it has closed it. pg_ctl leaves the server
/// running with everything it inherited, so that socket stays open for the server's whole life and
/// `waitUntilExit()` never returns. Here the child gets only fds 0–2, so the server holds nothing of ours, and the
/// end of the command is `waitpid` on its own pid.
enum ChildProcess {
    struct Finished {
        var exitCode: Int32
        var output: [UInt8]
    }

    struct SpawnError: Error {
        var code: Int32
        var message: String { String(cString: strerror(code)) }
    }

    /// Runs `executable` with `arguments` (not including argv[0]) and `environment`, stdin from /dev/null, stdout
    /// and stderr into one pipe that is read to the end. A program killed by a signal reports 128 + the signal.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], workingDirectory: String?
    ) throws(SpawnError) -> Finished {
        var pipeEnds: [Int32] = [-1, -1]
        guard makePipe(&pipeEnds) == 0 else { throw SpawnError(code: errno) }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        closeInheritedDescriptors(&actions)
        if let workingDirectory { changeDirectory(&actions, workingDirectory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Start with no signal blocked or ignored: a program spawned from a Dispatch worker thread would otherwise
        // inherit that thread's mask, which blocks most signals.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment.map { "\($0.key)=\($0.value)" })
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw SpawnError(code: spawned)
        }
        let output = readToEnd(readEnd)
        close(readEnd)
        return Finished(exitCode: waitForExit(pid), output: output)
    }

    private static func makePipe(_ ends: inout [Int32]) -> Int32 {
        guard pipe(&ends) == 0 else { return -1 }
        // Close-on-exec, so a program some other thread starts meanwhile does not inherit our pipe (the child
        // gets its own copies through dup2, which clears the flag). pipe2 would do it at once, but Swift's Glibc
        // module does not declare it.
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    private static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer[0..<count]
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return output
            }
        }
    }

    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    #if os(Linux)
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    // glibc declares these only for _GNU_SOURCE, which Swift's Glibc module does not define; they are looked up
    // by name instead (closefrom since glibc 2.34, chdir since 2.29).
    private static let addCloseFrom =
        glibcFunction("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self)
    private static let addChangeDirectory =
        glibcFunction("posix_spawn_file_actions_addchdir_np", as: ChangeDirectory.self)

    private static func glibcFunction<F>(_ name: String, as type: F.Type) -> F? {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom = addCloseFrom {
            _ = closeFrom(&actions, 3)
            return
        }
        // Older glibc: close what is open now (glibc ignores closing one that is already closed).
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        var open: [Int32] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let descriptor = Int32(name), descriptor > 2 { open.append(descriptor) }
        }
        for descriptor in open { posix_spawn_file_actions_addclose(&actions, descriptor) }
    }

    private static func changeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) {
        guard let change = addChangeDirectory else {
            return  // glibc < 2.29: the program starts in our folder, which only costs a warning under runuser
        }
        _ = change(&actions, path)
    }
    #else
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        // POSIX_SPAWN_CLOEXEC_DEFAULT, set on the attributes, does it.
    }

    private static func changeDirectory(_ actions: inout posix_spawn_file_actions_t, _ path: String) {
        posix_spawn_file_actions_addchdir_np(&actions, path)
    }
    #endif
}

/// A NULL-terminated `char *[]` for `posix_spawn`, freed on deinit.
private final class CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) {
        pointers = strings.map { strdup($0) } + [nil]
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
