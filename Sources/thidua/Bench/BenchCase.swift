/// One configuration the benchmark measures: row-level security on or off, how many concurrent clients,
/// and whether they spread over every unit or all work for one.
struct BenchCase: Hashable, Sendable {
    var rowLevelSecurity: Bool
    var concurrency: Int
    var singleUnit: Bool

    var label: String {
        "rls-\(rowLevelSecurity ? "on" : "off")-c\(concurrency)\(singleUnit ? "-one-unit" : "")"
    }
}
