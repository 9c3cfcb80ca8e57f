import ArgumentParser
import Foundation
import Postgres
import PostgresCluster
import ThiduaCore
import ThiduaSchema

struct BenchWrites: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "writes",
        abstract: "Đo tốc độ ghi có nhật ký / Benchmark the audited write path through the repositories against pgbench.",
        discussion: """
            Measures how many audited workflow transitions per second thidua's repositories sustain, and \
            compares them with pgbench sending the very same statements to the same database in the same run.

            It needs nothing but PostgreSQL installed. It starts its own throwaway cluster in a temporary \
            folder with fsync, synchronous_commit and full_page_writes OFF (like the tests and the pgbench \
            baselines in STACK.md: the figures compare code paths, they say nothing about disks), migrates it, \
            loads the Tủa Chùa catalogue and demo users, and then, as the installer, moves the 2021-huyen \
            round's due date ten years ahead and raises every unit's maximum to 100,000,000: the benchmark \
            measures throughput, not the quota's refusals (the quota is still checked on every submission).

            Each run lets N Swift tasks share a pool of N thidua_app connections. Task k works for unit k of \
            the 12 communes and 11 departments, taken alternately (8 tasks keep 8 units busy, 32 all 23): \
            its clerk creates a draft with a new nominee and 300–800 bytes of Vietnamese achievements (one \
            transition), then its head submits it (another transition), with row-level security and the \
            audit trigger at work. The statements of one such create and submit are read back from the \
            server log and run by pgbench (-M prepared, N clients, client k for unit k) for the same time. \
            Both are repeated with row-level security disabled, and once more with every task on a single \
            unit, which shows whether the per-unit quota row serialises.

            The report gives medians of --runs runs per case: transitions per second, the Swift ÷ pgbench \
            ratio, latency of a create-and-submit pair, the cost of row-level security, CPU per transition and \
            what the server sessions were doing; then the verdict against the targets (≥ 3,000 transitions/s, \
            ≥ 70% of pgbench, row-level security < 10%). It takes about 7 minutes with the defaults. Build in \
            release mode first: a debug build measures the compiler, not thidua.

            Examples:
              swift build -c release --product thidua
              .build/release/thidua bench writes --runs 3 --seconds 10
              .build/release/thidua bench --runs 1 --seconds 5 --concurrency 8
              .build/release/thidua bench --keep      (then look at the cluster with psql)
              .build/release/thidua bench --profile   (server time per statement)
              .build/release/thidua bench --apply bench/ceiling-without-triggers.sql
            """
    )

    @Option(help: "Runs per case; the report gives their medians.")
    var runs = 3

    @Option(help: ArgumentHelp("Measured seconds per run, after the warm-up.", valueName: "seconds"))
    var seconds = 10

    @Option(help: ArgumentHelp("Warm-up seconds per run, not counted.", valueName: "seconds"))
    var warmup = 2

    @Option(parsing: .upToNextOption, help: ArgumentHelp(
        "Concurrent Swift tasks (and pgbench clients), one case each.", valueName: "n"))
    var concurrency = [8, 32]

    @Flag(inversion: .prefixedNo, help: "Also run every task on one unit, to show whether the quota row serialises.")
    var singleUnit = true

    @Option(name: .customLong("apply"), help: ArgumentHelp(
        "SQL file run as superuser after the data sets are loaded, to measure a proposed change (repeatable).",
        valueName: "file.sql"))
    var changes: [String] = []

    @Flag(help: "Also profile the server during the first pgbench run of each case (pg_stat_statements, function statistics); figures run a little lower.")
    var profile = false

    @Flag(help: "Leave the cluster running afterwards (with its pgbench scripts and logs) and say how to reach it.")
    var keep = false

    func validate() throws {
        guard runs >= 1, seconds >= 1, warmup >= 0 else {
            throw ValidationError("--runs and --seconds must be at least 1, --warmup at least 0")
        }
        guard !concurrency.isEmpty, concurrency.allSatisfy({ (1...150).contains($0) }) else {
            throw ValidationError("--concurrency takes numbers from 1 to 150")
        }
    }

    func run() async throws {
        Console.line("Cụm PostgreSQL tạm / throwaway PostgreSQL cluster: fsync=off, synchronous_commit=off, "
            + "full_page_writes=off (as for the STACK.md baselines), shared_buffers=512MB")
        try await BenchCluster.throwaway(profile: profile, keep: keep) { cluster in
            try await measure(in: cluster)
            guard keep else { return }
            let port = (try? cluster.port()).map(String.init) ?? "?"
            Console.line("""

                Cụm vẫn chạy / the cluster is still running in \(cluster.folder):
                  psql -h \(cluster.socketDirectory) -p \(port) -U postgres \(ThiduaSchema.databaseName)
                  scripts and pgbench logs: \(cluster.scratch)
                  pgbench again: xargs -d '\\n' -a \(cluster.scratch)/pgbench-arguments \(cluster.binaries.pgbench) -c 8 -j 8 -T 10
                  stop it: runuser -u postgres -- \(cluster.binaries.pgCtl) -D \(cluster.cluster.dataDirectory) stop \
                (without runuser when not root), then remove the folder
                """)
        }
    }

    private func measure(in cluster: BenchCluster) async throws {
        let database = try await BenchDatabase.prepare(in: cluster)
        for file in changes {
            let script = try String(contentsOfFile: file, encoding: .utf8)
            try await database.asSuperuser { connection in
                try await connection.withTransaction { try await $0.execute(script: script) }
                try await connection.execute(script: "ANALYZE")
            }
            Console.line("Áp dụng thay đổi đề xuất / applied the proposed change \(file)")
        }
        Console.line("Đã nạp dữ liệu Tủa Chùa / migrated, loaded the Tủa Chùa data sets, opened round \(BenchDatabase.roundCode) "
            + "(due in 10 years, unit maximum \(BenchReport.rate(Double(BenchDatabase.runMaximum))))")
        let observer = ServerObserver(superuser: database.superuser, postmaster: try cluster.postmaster())
        let units = try await BenchWorkload.loadUnits(database)
        let (script, definitions) = try await BenchWorkload.pgbenchScript(database: database, cluster: cluster, units: units) { unit in
            let pool = PostgresPool(configuration: .init(connectionString: database.application, maximumConnections: 1))
            let nominations = NominationRepository(store: RecordStore(pool: pool))
            do {
                let created = try await nominations.create(unit.drafts[0], by: unit.clerk)
                let submitted = try await nominations.perform(.submit, on: created.id, version: created.version, by: unit.head)
                await pool.close()
                return (submitted.id, submitted.nomineeID)
            } catch {
                await pool.close()
                throw error
            }
        }
        let pgbench = try PgbenchLoad(
            cluster: cluster, observer: observer, script: script, describing: "captured for \(units[0].name)",
            definitions: definitions)
        try pgbench.saveArguments(units: units.count, to: cluster.scratch + "/pgbench-arguments")
        let repositories = RepositoryLoad(application: database.application, observer: observer)
        let profiler = BenchProfile(database: database)
        if profile { try await profiler.install() }
        var profiled: Set<BenchCase> = []

        var report = BenchReport(concurrencies: concurrency)
        var cases: [BenchCase] = []
        for tasks in concurrency {
            for _ in 1...runs {
                cases += [true, false].map { BenchCase(rowLevelSecurity: $0, concurrency: tasks, singleUnit: false) }
            }
        }
        if singleUnit, let widest = concurrency.max() {
            cases += Array(repeating: BenchCase(rowLevelSecurity: true, concurrency: widest, singleUnit: true), count: runs)
        }
        Console.line("\n\(cases.count) runs of \(warmup) s warm-up + \(seconds) s, each with the repositories and with pgbench "
            + "(about \(cases.count * 2 * (warmup + seconds + 1) / 60 + 1) minutes)")
        var rowLevelSecurity = true
        for (number, benchCase) in cases.enumerated() {
            if benchCase.rowLevelSecurity != rowLevelSecurity {
                try await database.setRowLevelSecurity(benchCase.rowLevelSecurity)
                rowLevelSecurity = benchCase.rowLevelSecurity
            }
            let chosen = benchCase.singleUnit ? [units[0]] : units
            // Alternate which client goes first, so neither always meets the other's leftovers.
            var pair = RunPair(swift: LoadResult(), pgbench: LoadResult())
            for swiftFirst in number % 2 == 0 ? [true, false] : [false, true] {
                try await database.settle()
                if swiftFirst {
                    pair.swift = try await repositories.run(
                        units: chosen, concurrency: benchCase.concurrency,
                        warmup: Double(warmup), seconds: Double(seconds))
                } else {
                    let profiling = profile && profiled.insert(benchCase).inserted
                    if profiling { try await profiler.reset() }
                    pair.pgbench = try await pgbench.run(
                        units: chosen.count, concurrency: benchCase.concurrency, warmup: warmup, seconds: seconds,
                        label: "\(benchCase.label)-\(number + 1)")
                    if profiling {
                        Console.line("\nProfile of pgbench, \(benchCase.label):\n")
                        try await profiler.report(transitions: pair.pgbench.allTransitions).forEach(Console.line)
                        Console.line("")
                    }
                }
            }
            report.add(pair, for: benchCase)
            let failures = pair.swift.failures + pair.pgbench.failures
            Console.line("  \(number + 1)/\(cases.count)  \(benchCase.label.padding(toLength: 18, withPad: " ", startingAt: 0))"
                + "  repositories \(BenchReport.rate(pair.swift.rate))/s (p50 \(String(format: "%.2f", pair.swift.latency(at: 0.5))) ms)"
                + "  pgbench \(BenchReport.rate(pair.pgbench.rate))/s (p50 \(String(format: "%.2f", pair.pgbench.latency(at: 0.5))) ms)"
                + "  ratio \(BenchReport.percent(pair.ratio))"
                + (failures > 0 ? "  FAILURES \(pair.swift.failures)/\(pair.pgbench.failures): \(pair.swift.firstFailure ?? pair.pgbench.firstFailure ?? "")" : ""))
        }
        if !rowLevelSecurity { try await database.setRowLevelSecurity(true) }

        Console.line("\n## Kết quả / results (medians of \(runs) runs, \(seconds) s each after \(warmup) s warm-up; "
            + "a transition is one create or one submit, latency is per create-and-submit pair"
            + (changes.isEmpty ? ")\n" : "; with \(changes.joined(separator: ", ")) applied)\n"))
        report.markdown.forEach(Console.line)
        Console.line("\n## Đánh giá / verdict\n")
        report.verdicts.forEach(Console.line)
    }
}
