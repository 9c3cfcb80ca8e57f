import ArgumentParser

struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Địa chỉ lắng nghe / address to listen on (env: THIDUA_HOST; default 127.0.0.1).", valueName: "address"))
    var host: String?

    @Option(help: ArgumentHelp("Cổng HTTP / HTTP port, 0 for a free one (env: THIDUA_PORT; default 8080).", valueName: "port"))
    var port: Int?

    @Option(name: .customLong("pool-size"), help: ArgumentHelp(
        "Số kết nối cơ sở dữ liệu / database connections (env: THIDUA_POOL_SIZE; default 8).", valueName: "n"
    ))
    var poolSize: Int?

    @Option(name: .customLong("verifier-url"), help: ArgumentHelp(
        "Đăng nhập kiểm tra nhật ký / how to log in as thidua_verifier, so auditors can verify the audit chain over HTTP (env: THIDUA_VERIFIER_URL; the private database's by default).",
        valueName: "url"))
    var verifierURL: String?

    func resolvedHost() -> String { host ?? Environment.string("THIDUA_HOST") ?? "127.0.0.1" }
    func resolvedPort() throws -> Int { try port ?? Environment.integer("THIDUA_PORT") ?? 8080 }
    func resolvedVerifierURL() -> String? { verifierURL ?? Environment.string("THIDUA_VERIFIER_URL") }
    func resolvedPoolSize() throws -> Int {
        let size = try poolSize ?? Environment.integer("THIDUA_POOL_SIZE") ?? 8
        guard size > 0 else { throw ValidationError("--pool-size must be at least 1") }
        return size
    }
}
