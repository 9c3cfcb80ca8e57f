import ArgumentParser
import PostgresCluster

struct Stop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dừng cơ sở dữ liệu riêng / Stop the private PostgreSQL (fast shutdown: sessions end, data is kept)."
    )

    @OptionGroup var data: DataOptions

    func run() async throws {
        do {
            try data.cluster().stop()
            Console.line("Đã dừng / stopped")
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
