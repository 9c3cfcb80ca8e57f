import Foundation
import Postgres
import ThiduaCore

/// The audited write path as the server would drive it: `concurrency` Swift tasks share one pool of as many
/// `thidua_app` connections; task k works for unit k % `units.count` (so the tasks spread over the units,
/// as pgbench's clients do) and repeatedly has its clerk create a draft with a new nominee
/// (``NominationRepository/create(_:by:)``) and its head submit it
/// (``NominationRepository/perform(_:on:version:reason:by:)``), until the window closes.
struct RepositoryLoad {
    let application: String
    let observer: ServerObserver

    func run(units: [BenchUnit], concurrency: Int, warmup: Double, seconds: Double) async throws -> LoadResult {
        let pool = PostgresPool(configuration: .init(
            connectionString: application, maximumConnections: concurrency, acquireTimeout: .seconds(60)))
        let nominations = NominationRepository(store: RecordStore(pool: pool))
        let window = MeasurementWindow(start: warmup, end: warmup + seconds)
        let clock = ContinuousClock()
        let origin = clock.now
        let elapsed: @Sendable () -> Double = { (clock.now - origin).seconds }
        async let watched = observer.observe(client: getpid(), after: warmup, for: seconds)
        var result = await withTaskGroup(of: LoadResult.self) { group in
            for task in 0..<concurrency {
                group.addTask {
                    var tally = LoadResult()
                    let unit = units[task % units.count]
                    while elapsed() < window.end {
                        let began = elapsed()
                        do {
                            let draft = try await nominations.create(unit.drafts.randomElement()!, by: unit.clerk)
                            let created = elapsed()
                            _ = try await nominations.perform(.submit, on: draft.id, version: draft.version, by: unit.head)
                            let submitted = elapsed()
                            tally.allTransitions += 2
                            tally.transitions += (window.contains(created) ? 1 : 0) + (window.contains(submitted) ? 1 : 0)
                            if window.contains(submitted) { tally.pairLatencies.append((submitted - began) * 1000) }
                        } catch {
                            tally.failures += 1
                            tally.firstFailure = tally.firstFailure ?? String(describing: error)
                        }
                    }
                    return tally
                }
            }
            var total = LoadResult()
            for await tally in group { total.merge(tally) }
            return total
        }
        result.seconds = window.seconds
        result.observation = try await watched
        await pool.close()
        return result
    }
}
