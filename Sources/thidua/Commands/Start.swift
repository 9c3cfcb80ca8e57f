import ArgumentParser
import PostgresCluster

struct Start: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Khởi động cơ sở dữ liệu riêng / Start the private PostgreSQL (initialising it on first use).",
        discussion: """
            Leaves it running after the command returns; stop it with `thidua db stop`.

            Example:
              thidua db start --data ./.thidua --db-port 5544
                                  also reachable at 127.0.0.1:5544
            """
    )

    @OptionGroup var data: DataOptions

    func run() async throws {
        do {
            let cluster = try data.cluster()
            if try cluster.initialiseIfNeeded() {
                Console.line("Khởi tạo / initialised \(cluster.dataDirectory)")
            }
            let running = try cluster.start()
            Console.line(Status.describe(running, cluster: cluster))
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
