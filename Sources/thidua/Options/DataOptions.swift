import ArgumentParser
import PostgresCluster

/// Where the private PostgreSQL cluster lives, for commands that run one.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp(
        "Thư mục dữ liệu riêng / folder of the private database (env: THIDUA_DATA; default ./.thidua).",
        valueName: "dir"
    ))
    var directory: String?

    @Option(name: .customLong("db-port"), help: ArgumentHelp(
        "Also listen on this loopback TCP port, e.g. for psql or pgbench; 0 picks a free one (env: THIDUA_DB_PORT; default: Unix socket only).",
        valueName: "port"
    ))
    var port: Int?

    func cluster() throws -> PostgresCluster {
        let folder = directory ?? Environment.string("THIDUA_DATA") ?? ".thidua"
        return PostgresCluster(directory: folder, options: .init(port: try port ?? Environment.integer("THIDUA_DB_PORT")))
    }
}
