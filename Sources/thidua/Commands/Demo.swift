import ArgumentParser
import PostgresCluster
import ThiduaSchema

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chạy thử trên máy này / Run thidua on this machine with a private database.",
        discussion: """
            With no DATABASE_URL, starts a private PostgreSQL under --data (./.thidua by default; created on \
            first run, reused afterwards) and brings its schema up to date. When the database has no data yet \
            (the first run), it loads the Tủa Chùa demo: the catalogue of Kế hoạch 123/KH-UBND, fictional users \
            for every role, and a few dozen nominations in every workflow state, made through the same rules, \
            audit trail and quotas as real ones. Later runs keep what is there and load nothing again. It then \
            prints the demo accounts (one per kind of role, shared password thidua-demo; demo only, never for \
            real records), serves on http://127.0.0.1:8080 and prints the address. Ctrl-C or SIGTERM stops the \
            server, then the database it started. As root, PostgreSQL runs as the 'postgres' system user.

            With DATABASE_URL (or --database-url) it migrates and serves that database instead; it loads the \
            demo there too when the database has no data yet and the URL's user is a superuser (it says so and \
            skips loading otherwise).

            Examples:
              thidua demo
              thidua demo --data /srv/thidua-demo --port 8090
            """
    )

    @OptionGroup var database: DatabaseURLOption
    @OptionGroup var data: DataOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        do {
            if let url = database.resolved {
                try await Migrate.apply(to: url)
                try await DemoData.prepare(url: url)
                // Served as the application role, under row-level security, even when the URL's user is a superuser.
                try await ServerRunner.run(connectionString: ConnectionRole.acting(as: ThiduaSchema.applicationRole, url), options: server)
                return
            }
            let cluster = try data.cluster()
            if try cluster.initialiseIfNeeded() {
                Console.line("Khởi tạo cơ sở dữ liệu riêng / initialised a private database in \(cluster.directory)")
            }
            let alreadyRunning = if case .running = try cluster.status() { true } else { false }
            try cluster.start()
            do {
                let database = PrivateDatabase(cluster: cluster)
                try await database.prepare()
                try await database.prepareDemo()
                try await ServerRunner.run(
                    connectionString: try database.applicationConnectionString(), verifierURL: try database.verifierConnectionString(),
                    ballotKeyFile: cluster.directory + "/ballot.key", options: server)
            } catch {
                if !alreadyRunning { try? cluster.stop() }
                throw error
            }
            if !alreadyRunning {
                try cluster.stop()
                Console.line("Đã dừng cơ sở dữ liệu riêng / stopped the private database")
            }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
