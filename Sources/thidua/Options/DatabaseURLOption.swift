import ArgumentParser

/// A database to use instead of the private cluster.
struct DatabaseURLOption: ParsableArguments {
    @Option(name: .customLong("database-url"), help: ArgumentHelp(
        "postgresql:// URL or libpq connection string (env: DATABASE_URL). Without it, the private cluster under --data is used.",
        valueName: "url"
    ))
    var value: String?

    var resolved: String? { value ?? Environment.string("DATABASE_URL") }
}
