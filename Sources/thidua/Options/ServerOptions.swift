import Foundation
import ArgumentParser

struct ServerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Địa chỉ lắng nghe / address to listen on (env: THIDUA_HOST; default 127.0.0.1).", valueName: "address"))
    var host: String?

    @Option(help: ArgumentHelp("Cổng HTTP / HTTP port, 0 for a free one (env: THIDUA_PORT; default 8080).", valueName: "port"))
    var port: Int?

    @Option(name: .customLong("pool-size"), help: ArgumentHelp(
        "Số kết nối cơ sở dữ liệu / database connections (env: THIDUA_POOL_SIZE; default twice the processors, \(ServerOptions.defaultPoolSize) here).",
        valueName: "n"
    ))
    var poolSize: Int?

    @Option(name: .customLong("verifier-url"), help: ArgumentHelp(
        "Đăng nhập kiểm tra nhật ký / how to log in as thidua_verifier, so auditors can verify the audit chain over HTTP (env: THIDUA_VERIFIER_URL; the private database's by default).",
        valueName: "url"))
    var verifierURL: String?

    @Flag(name: .customLong("behind-tls"), help: ArgumentHelp(
        "Máy chủ chạy sau HTTPS (nginx) / the server is reached over TLS: the session cookie is marked Secure (env: THIDUA_BEHIND_TLS=1)."))
    var behindTLS = false

    func resolvedHost() -> String { host ?? Environment.string("THIDUA_HOST") ?? "127.0.0.1" }
    func resolvedPort() throws -> Int { try port ?? Environment.integer("THIDUA_PORT") ?? 8080 }
    func resolvedBehindTLS() throws -> Bool { try behindTLS || (Environment.flag("THIDUA_BEHIND_TLS") ?? false) }
    func resolvedVerifierURL() -> String? { verifierURL ?? Environment.string("THIDUA_VERIFIER_URL") }
    func resolvedPoolSize() throws -> Int {
        let size = try poolSize ?? Environment.integer("THIDUA_POOL_SIZE") ?? Self.defaultPoolSize
        guard size > 0 else { throw ValidationError("--pool-size must be at least 1") }
        return size
    }

    /// Twice the processors (the usual sizing for a database on the same machine): more connections than the
    /// cores can run only queue inside PostgreSQL, where the waits are longer and less fair than in the pool.
    /// Measured on 2 cores, 32 clients creating and submitting (`thidua bench http --runs 1 --seconds 10
    /// --concurrency 32 --pool-size N`, BENCHMARKS.md): p99 73–78 ms with 4, 90 with 8, 154 with 16, at the same rate.
    static var defaultPoolSize: Int { max(2, 2 * ProcessInfo.processInfo.activeProcessorCount) }
}
