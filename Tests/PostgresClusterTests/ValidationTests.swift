import Foundation
import PostgresCluster
import Testing

/// What is decided before any server runs: finding the programs, refusing unusable folders, connection strings.
@Suite("Checks before starting")
struct ValidationTests {
    @Test("no programs in the searched folder: binariesNotFound names where it looked")
    func binariesNotFound() throws {
        try TemporaryFolder.with { empty in
            #expect(throws: PostgresClusterError.binariesNotFound(searched: [empty])) {
                try PostgresBinaries(searching: [empty])
            }
            // The override is the only place searched; passed as a dictionary, the process environment is untouched.
            let environment = [PostgresBinaries.overrideVariable: empty, "PATH": "/usr/bin:/bin"]
            #expect(PostgresBinaries.candidateDirectories(environment: environment) == [empty])
            let error = try #require(throws: PostgresClusterError.self) {
                try PostgresBinaries.find(environment: environment)
            }
            #expect(error == .binariesNotFound(searched: [empty]))
            #expect(error.description.contains(empty))
            #expect(error.description.contains(PostgresBinaries.overrideVariable))
        }
    }

    @Test("the installed programs are found, all in one folder")
    func binariesFound() throws {
        let binaries = try PostgresBinaries.find()
        for tool in PostgresBinaries.requiredTools {
            #expect(FileManager.default.isExecutableFile(atPath: binaries.path(of: tool)))
        }
        #expect(binaries.psql == binaries.directory + "/psql")
    }

    @Test("a relative folder is made absolute")
    func relativePath() {
        let cluster = PostgresCluster(directory: "some/relative/../cluster")
        let expected = FileManager.default.currentDirectoryPath + "/some/cluster"
        #expect(cluster.directory == expected)
        #expect(cluster.dataDirectory == expected + "/pgdata")
        #expect(cluster.socketDirectory == expected + "/socket")
        #expect(cluster.logFile == expected + "/postgres.log")
    }

    @Test("a folder whose socket path would be too long is refused before anything is created")
    func socketPathTooLong() throws {
        try TemporaryFolder.with { folder in
            let deep = folder + "/" + String(repeating: "x", count: 90)
            let cluster = PostgresCluster(directory: deep, options: .init(durable: false))
            let error = try #require(throws: PostgresClusterError.self) { try cluster.initialiseIfNeeded() }
            guard case .directoryNotUsable(_, let reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(reason.contains("shorter path"))
            #expect(!FileManager.default.fileExists(atPath: deep))
        }
    }

    @Test("a folder name the shell would mangle is refused")
    func unsafeCharacters() throws {
        try TemporaryFolder.with { folder in
            let cluster = PostgresCluster(directory: folder + "/a$b", options: .init(durable: false))
            #expect(throws: PostgresClusterError.self) { try cluster.initialiseIfNeeded() }
            #expect(!FileManager.default.fileExists(atPath: folder + "/a$b"))
        }
    }

    @Test("as root, a parent folder the postgres user cannot pass is refused with the fix in the message",
          .enabled(if: Processes.isRoot))
    func parentNotTraversable() throws {
        try TemporaryFolder.with { folder in  // mkdtemp makes it 0700, owned by root
            let cluster = PostgresCluster(directory: folder + "/cluster", options: .init(durable: false))
            let error = try #require(throws: PostgresClusterError.self) { try cluster.initialiseIfNeeded() }
            #expect(error.description.contains("chmod o+x \(folder)"))
        }
    }

    @Test("connection string and URL quote and encode per libpq rules")
    func connectionStrings() throws {
        let cluster = PostgresCluster(directory: "/nonexistent/it's here")
        #expect(try cluster.connectionString() ==
            #"host='/nonexistent/it\'s here/socket' port=5432 dbname='postgres' user='postgres'"#)
        #expect(try cluster.connectionString(database: #"a\b"#, user: "Đạt") ==
            #"host='/nonexistent/it\'s here/socket' port=5432 dbname='a\\b' user='Đạt'"#)
        #expect(try cluster.connectionURL(database: "thidua", user: "postgres") ==
            "postgresql://postgres@/thidua?host=%2Fnonexistent%2Fit%27s%20here%2Fsocket&port=5432")
        let fixedPort = PostgresCluster(directory: "/nonexistent/x", options: .init(port: 6543))
        #expect(try fixedPort.connectionString().contains(" port=6543 "))
    }
}
