import Foundation

/// Where the PostgreSQL programs are on this machine.
///
/// They are rarely all on `PATH`: Debian keeps them in `/usr/lib/postgresql/<version>/bin` and puts only
/// wrappers for the client tools in `/usr/bin`. All the programs are taken from one folder, so the server, initdb
/// and the client tools are always of the same version.
///
/// Public so that other code (benchmarks, the demo) can run `psql` and `pgbench` from the same installation.
public struct PostgresBinaries: Sendable, Equatable {
    /// The programs that must all be present in the chosen folder.
    public static let requiredTools = ["initdb", "pg_ctl", "postgres", "psql", "pgbench"]
    /// When set, the only folder searched.
    public static let overrideVariable = "THIDUA_PG_BINDIR"

    /// The folder holding the programs.
    public let directory: String

    public var initdb: String { path(of: "initdb") }
    public var pgCtl: String { path(of: "pg_ctl") }
    public var postgres: String { path(of: "postgres") }
    public var psql: String { path(of: "psql") }
    public var pgbench: String { path(of: "pgbench") }

    /// The full path of a program in ``directory`` (it is not checked for tools other than ``requiredTools``).
    public func path(of tool: String) -> String {
        directory.hasSuffix("/") ? directory + tool : directory + "/" + tool
    }

    /// The first of `directories` that holds every required program.
    ///
    /// This is the search without any look at the environment, so a test can ask for a folder that does not have
    /// them without changing process-wide environment variables.
    public init(searching directories: [String]) throws {
        guard let found = directories.first(where: Self.holdsAllTools) else {
            throw PostgresClusterError.binariesNotFound(searched: directories)
        }
        self.directory = found
    }

    /// Searches, in order: `$THIDUA_PG_BINDIR` alone when set; otherwise `pg_config --bindir` (when `pg_config` is
    /// on `PATH`), then `/usr/lib/postgresql/*/bin` from the highest version down, then the `PATH` folders.
    public static func find(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PostgresBinaries {
        try PostgresBinaries(searching: candidateDirectories(environment: environment))
    }

    /// The folders ``find(environment:)`` looks in, in order, without duplicates.
    public static func candidateDirectories(environment: [String: String]) -> [String] {
        if let override = environment[overrideVariable], !override.isEmpty {
            return [override]
        }
        let pathFolders = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        var candidates: [String] = []
        if let bindir = pgConfigBindir(pathFolders: pathFolders) { candidates.append(bindir) }
        candidates += debianVersionFolders()
        candidates += pathFolders
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }

    private static func holdsAllTools(_ directory: String) -> Bool {
        let folder = PostgresBinaries(uncheckedDirectory: directory)
        return requiredTools.allSatisfy { FileManager.default.isExecutableFile(atPath: folder.path(of: $0)) }
    }

    private init(uncheckedDirectory: String) {
        self.directory = uncheckedDirectory
    }

    /// What `pg_config --bindir` says, when `pg_config` is on `PATH` and answers.
    private static func pgConfigBindir(pathFolders: [String]) -> String? {
        let candidates = pathFolders.map { $0 + "/pg_config" }
        guard let pgConfig = candidates.first(where: FileManager.default.isExecutableFile) else { return nil }
        guard let outcome = try? ExternalCommand(pgConfig, ["--bindir"]).run(), outcome.succeeded else { return nil }
        let bindir = outcome.output.trimmingWhitespace()
        return bindir.isEmpty ? nil : bindir
    }

    /// `/usr/lib/postgresql/<version>/bin`, highest version first (Debian and Ubuntu install versions side by side
    /// there).
    private static func debianVersionFolders() -> [String] {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions
            .sorted { versionNumbers($0).lexicographicallyPrecedes(versionNumbers($1)) }
            .reversed()
            .map { "\(root)/\($0)/bin" }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// "9.6" → [9, 6], "15" → [15]; whatever is not a number counts as 0.
    private static func versionNumbers(_ name: String) -> [Int] {
        name.split(separator: ".").map { Int($0) ?? 0 }
    }
}
