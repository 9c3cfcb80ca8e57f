import ArgumentParser

struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Quản lý cơ sở dữ liệu / Manage the database: start, stop, status, migrate.",
        discussion: """
            start, stop and status act on the private PostgreSQL cluster under --data (./.thidua by default). \
            migrate acts on DATABASE_URL when it is set, otherwise on the private cluster.
            """,
        subcommands: [Start.self, Stop.self, Status.self, Migrate.self]
    )
}
