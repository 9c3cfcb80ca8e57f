import ArgumentParser
import PostgresCluster

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chạy máy chủ / Run the HTTP server.",
        discussion: """
            Serves the API and web pages over an existing database. With --database-url (or DATABASE_URL) it \
            connects there, as the application role thidua_app in a deployment. Without it, it uses the \
            private cluster under --data, which must already run (thidua db start) and be migrated \
            (thidua db migrate). Stops cleanly on Ctrl-C or SIGTERM.

            Example:
              DATABASE_URL='postgresql://thidua_app@db.example/thidua' \\
                  thidua serve --host 0.0.0.0 --port 8080
            """
    )

    @OptionGroup var database: DatabaseURLOption
    @OptionGroup var data: DataOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        do {
            let connectionString: String
            var verifierURL: String?
            var ballotKeyFile: String?
            if let url = database.resolved {
                connectionString = url
            } else {
                let cluster = try data.cluster()
                guard case .running = try cluster.status() else {
                    throw ValidationError("Cơ sở dữ liệu riêng chưa chạy / the private database under \(cluster.directory) is not running: run `thidua db start` or set DATABASE_URL")
                }
                connectionString = try PrivateDatabase(cluster: cluster).applicationConnectionString()
                verifierURL = try PrivateDatabase(cluster: cluster).verifierConnectionString()
                ballotKeyFile = cluster.directory + "/ballot.key"
            }
            try await ServerRunner.run(connectionString: connectionString, verifierURL: verifierURL, ballotKeyFile: ballotKeyFile, options: server)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
