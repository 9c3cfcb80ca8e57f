/// Why a benchmark could not produce its figures.
enum BenchFailure: Error, CustomStringConvertible {
    /// The loaded data sets lack something the workload needs.
    case missingCatalogue(String)
    /// The repository's statements could not be read back from the server log, or not turned into a script.
    case capture(String)
    /// pgbench failed or some of its clients aborted.
    case pgbench(status: Int32, output: String)
    /// Every transaction of a run failed, so there is no rate to report.
    case nothingCompleted(String)
    /// The HTTP server could not be started, reached or understood.
    case http(String)

    var description: String {
        switch self {
        case .missingCatalogue(let what):
            "the Tủa Chùa data sets have no \(what)"
        case .capture(let reason):
            "could not capture the repository's statements: \(reason)"
        case .pgbench(let status, let output):
            "pgbench failed (exit \(status)):\n\(output)"
        case .nothingCompleted(let reason):
            "no transaction completed: \(reason)"
        case .http(let reason):
            "HTTP: \(reason)"
        }
    }
}
