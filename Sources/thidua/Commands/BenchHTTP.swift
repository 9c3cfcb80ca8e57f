import ArgumentParser
import Foundation
import Postgres
import ThiduaCore

struct BenchHTTP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Đo tốc độ qua HTTP / Benchmark creating and submitting over HTTP against pgbench and a route with no database.",
        discussion: """
            Starts its own throwaway PostgreSQL (as `thidua bench writes` does: fsync off, the Tủa Chùa data, \
            the 2021-huyen round opened up) and this same executable as `thidua serve` in a separate process, \
            logging at `warning`, with --pool-size connections. Every commune's and department's clerk and head \
            sign in over HTTP first (sessions live in PostgreSQL).

            Each run has N client threads, one keep-alive connection each; client k works for unit k: its clerk \
            POSTs a draft (300–800 bytes of Vietnamese achievements, a new nominee) and its head submits it \
            with If-Match, every request resolving its session, loading the actor and writing with RLS and \
            the audit trigger. The statements the server sent for one such create and submit (session look-up \
            and actor load included) are read back from the server log and run by pgbench with N clients for \
            the same time; then the same N clients call GET /health, which touches no database: the HTTP stack's \
            own ceiling.

            The report gives medians of --runs runs: transitions per second (a create and a submit are two), \
            the HTTP ÷ pgbench ratio, request latency p50 and p99, the /health rate, the server's start-up time \
            to a ready /ready and its peak memory; then the verdict against issue 5's targets (at 32 clients \
            ≥ 50% of pgbench and p99 < 50 ms; < 150 MB at 128 clients; ready in < 1 s).

            Example:
              swift build -c release --product thidua
              .build/release/thidua bench http --runs 3 --seconds 10
            """)

    @Option(help: "Runs per client count; the report gives their medians.") var runs = 3
    @Option(help: ArgumentHelp("Measured seconds per run, after the warm-up.", valueName: "seconds")) var seconds = 10
    @Option(help: ArgumentHelp("Warm-up seconds per run, not counted.", valueName: "seconds")) var warmup = 2
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Concurrent HTTP clients (and pgbench clients), one case each.", valueName: "n"))
    var concurrency = [8, 32, 128]
    @Option(name: .customLong("pool-size"), help: "Database connections of the server (default: the server's own, twice the processors).")
    var poolSize: Int?
    @Flag(help: "Also profile PostgreSQL during the first HTTP run of each client count (pg_stat_statements, function statistics); figures run a little lower.")
    var profile = false

    func validate() throws {
        guard runs >= 1, seconds >= 1, warmup >= 0, (poolSize ?? 1) >= 1 else {
            throw ValidationError("--runs, --seconds and --pool-size must be at least 1, --warmup at least 0")
        }
        guard !concurrency.isEmpty, concurrency.allSatisfy({ (1...512).contains($0) }) else {
            throw ValidationError("--concurrency takes numbers from 1 to 512")
        }
    }

    func run() async throws {
        try await BenchCluster.throwaway(profile: profile) { try await measure(in: $0) }
    }

    private func measure(in cluster: BenchCluster) async throws {
        let database = try await BenchDatabase.prepare(in: cluster)
        let units = try await BenchWorkload.loadUnits(database)
        let clients = try await signIn(units, database: database, cluster: cluster)
        let tokens = Dictionary(uniqueKeysWithValues: zip(units.map(\.unitID), clients))
        let (script, definitions) = try await BenchWorkload.pgbenchScript(
            database: database, cluster: cluster, units: units, fromSessionLookup: true,
            extraValues: { unit in try await Self.tokenHashes(of: unit, database: database) },
            work: { unit in try await Self.createAndSubmitOnce(unit, client: tokens[unit.unitID]!, database: database, cluster: cluster) })
        let observer = ServerObserver(superuser: database.superuser, postmaster: try cluster.postmaster())
        let pgbench = try PgbenchLoad(cluster: cluster, observer: observer, script: script, describing: "captured from thidua serve", definitions: definitions)

        let server = try ServerChild.start(databaseURL: database.application, poolSize: poolSize, logFile: cluster.scratch + "/server.log")
        Console.line(String(format: "thidua serve: sẵn sàng sau / ready after %.0f ms", server.startup.seconds * 1000))
        let load = HTTPLoad(port: server.port)
        var report = HTTPBenchReport(startup: server.startup.seconds * 1000)
        let profiler = BenchProfile(database: database)
        if profile { try await profiler.install() }
        do {
            for clientCount in concurrency {
                for run in 1...runs {
                    try await database.settle()
                    let profiling = profile && run == 1
                    if profiling { try await profiler.reset() }
                    let before = HTTPCPUSplit.Mark(server: server.process.pid, postmaster: observer.postmaster)
                    let http = try await Self.offThePool { try load.run(.createAndSubmit(clients), concurrency: clientCount, warmup: Double(warmup), seconds: Double(seconds)) }
                    let cpu = HTTPCPUSplit(
                        from: before, to: HTTPCPUSplit.Mark(server: server.process.pid, postmaster: observer.postmaster),
                        transitions: http.load.allTransitions)
                    if profiling {
                        Console.line("\n### PostgreSQL during HTTP, \(clientCount) clients\n")
                        try await profiler.report(transitions: http.load.allTransitions).forEach(Console.line)
                        Console.line("")
                    }
                    try await database.settle()
                    let baseline = try await pgbench.run(units: units.count, concurrency: clientCount, warmup: warmup, seconds: seconds, label: "http-\(clientCount)-\(run)")
                    let health = try await Self.offThePool { try load.run(.health, concurrency: clientCount, warmup: 1, seconds: Double(seconds)) }
                    report.add(clients: clientCount, http: http, cpu: cpu, pgbench: baseline, health: health)
                    Console.line("  \(clientCount) clients, run \(run): HTTP \(BenchReport.rate(http.load.rate))/s "
                        + String(format: "(p50 %.1f ms, p99 %.1f ms)", http.requestLatency(at: 0.5), http.requestLatency(at: 0.99))
                        + "  pgbench \(BenchReport.rate(baseline.rate))/s  ratio \(BenchReport.percent(http.load.rate / max(baseline.rate, 1)))"
                        + "  /health \(BenchReport.rate(health.load.rate))/s"
                        + String(format: "  CPU µs/transition: PostgreSQL %.0f, server %.0f, load %.0f", cpu.databaseMicroseconds, cpu.serverMicroseconds, cpu.loadMicroseconds)
                        + (http.load.failures + baseline.failures > 0 ? "  FAILURES \(http.load.failures)/\(baseline.failures): \(http.load.firstFailure ?? baseline.firstFailure ?? "")" : ""))
                }
                report.peakMemory[clientCount] = server.peakMemoryMiB()
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        Console.line("")
        report.markdown.forEach(Console.line)
        Console.line("\n## Đánh giá / verdict\n")
        report.verdicts.forEach(Console.line)
    }

    /// Signs every unit's clerk and head in through a server of its own (sessions outlive it: they are rows).
    private func signIn(_ units: [BenchUnit], database: BenchDatabase, cluster: BenchCluster) async throws -> [HTTPLoad.Client] {
        let usernames = try await database.asSuperuser { connection in
            try await connection.query("SELECT id, username FROM thidua.users").reduce(into: [UUID: String]()) {
                $0[try $1.decode(UUID.self, at: 0)] = try $1.decode(String.self, at: 1)
            }
        }
        let server = try ServerChild.start(databaseURL: database.application, poolSize: 2, logFile: cluster.scratch + "/server-sign-in.log")
        defer { server.process.terminate() }
        let connection = try RawHTTPClient(port: server.port)
        func token(_ user: UUID) throws -> String {
            let body = try JSONSerialization.data(withJSONObject: ["username": usernames[user] ?? "", "password": DataSet.demoPassword])
            let reply = try connection.send("POST", "/api/v1/sessions", json: Array(body))
            guard reply.status == 201, let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any],
                  let token = object["token"] as? String else { throw BenchFailure.http("sign-in answered \(reply.status)") }
            return token
        }
        return try units.map { unit in
            HTTPLoad.Client(clerkToken: try token(unit.clerk.userID), headToken: try token(unit.head.userID),
                            drafts: try unit.drafts.map(DraftBody.bytes))
        }
    }

    /// The captured work: a server of its own (its connections open while statement logging is on) creates
    /// and submits one draft of `unit`.
    private static func createAndSubmitOnce(
        _ unit: BenchUnit, client: HTTPLoad.Client, database: BenchDatabase, cluster: BenchCluster
    ) async throws -> (nomination: UUID, nominee: UUID) {
        let server = try ServerChild.start(databaseURL: database.application, poolSize: 1, logFile: cluster.scratch + "/server-capture.log")
        defer { server.process.terminate() }
        let connection = try RawHTTPClient(port: server.port)
        let created = try connection.send("POST", "/api/v1/nominations", token: client.clerkToken, json: client.drafts[0])
        guard created.status == 201, let object = try JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any],
              let id = (object["id"] as? String).flatMap(UUID.init(uuidString:)),
              let nominee = (object["nomineeID"] as? String).flatMap(UUID.init(uuidString:)) else {
            throw BenchFailure.capture("create answered \(created.status): \(String(decoding: created.body, as: UTF8.self))")
        }
        let submitted = try connection.send("POST", "/api/v1/nominations/\(id.uuidString.lowercased())/transitions", token: client.headToken,
                                            json: Array(#"{"event":"submit"}"#.utf8), headers: [("If-Match", "\"v1\"")])
        guard submitted.status == 200 else { throw BenchFailure.capture("submit answered \(submitted.status)") }
        return (id, nominee)
    }

    /// The unit's clerk's and head's live session hashes as the server log prints a bytea parameter.
    private static func tokenHashes(of unit: BenchUnit, database: BenchDatabase) async throws -> [(String, String)] {
        try await database.asSuperuser { connection in
            let row = try await connection.query("""
                SELECT (SELECT '\\x' || encode(token_hash, 'hex') FROM thidua.sessions WHERE user_id = \(unit.clerk.userID)
                        AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1),
                       (SELECT '\\x' || encode(token_hash, 'hex') FROM thidua.sessions WHERE user_id = \(unit.head.userID)
                        AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1)
                """).single()!
            return [("clerk_session", try row.decode(String.self, at: 0)), ("head_session", try row.decode(String.self, at: 1))]
        }
    }

    /// Runs blocking load-generator work on a thread of its own, never on Swift's cooperative pool.
    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }
}
