import Foundation
import Postgres
import Synchronization
import Testing
import ThiduaTesting

/// Issue 12: connections broken under load must not let the pool open more than its maximum, work must go on
/// once the breakage stops, and close must end. The pool's backends are told apart by their application_name;
/// a superuser connection outside the pool ends them while 32 tasks write through a pool of 4.
@Suite struct PoolBreakageTests {
    static let applicationName = "thidua_pool_breakage"
    static let maximum = 4
    static let tasks = 32

    @Test func backendsEndedUnderLoadNeverTakeThePoolPastItsMaximum() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let admin = try await database.connect()
        defer { admin.close() }
        try await admin.execute(script: "CREATE TABLE hits (task int NOT NULL)")
        let pool = PostgresPool(configuration: .init(
            connectionString: try database.connectionString() + " application_name=\(Self.applicationName)",
            maximumConnections: Self.maximum,
            acquireTimeout: .seconds(60)
        ))
        let tally = Tally()

        let workers = Task {
            await withTaskGroup(of: Void.self) { group in
                for task in 0..<Self.tasks {
                    group.addTask {
                        while !tally.stop.load(ordering: .relaxed) {
                            do {
                                try await pool.query("INSERT INTO hits VALUES (\(task)) RETURNING pg_sleep(0.002)")
                                tally.succeeded.add(1, ordering: .relaxed)
                            } catch {
                                // Expected while backends are being ended: the statement's connection died.
                                tally.failed.add(1, ordering: .relaxed)
                            }
                        }
                    }
                }
            }
        }

        // End 1 to 4 of the pool's backends at a time, waiting until each is gone, then count what is left: a
        // count taken right after a wait sees no backend on its way out, so it is exactly what the pool holds.
        var mostOnServer = 0
        var mostCounted = 0
        var ended = 0
        // Until 60 are ended, not 60 rounds: under the parallel suite a round often finds the pool's backends
        // still reconnecting, and ends none.
        var round = 0
        while ended < 60, round < 2_000 {
            defer { round += 1 }
            mostOnServer = max(mostOnServer, try await serverConnections(admin))
            mostCounted = max(mostCounted, pool.statistics.open)
            let count = round % Self.maximum + 1
            ended += try await admin.query("""
                SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 5000))::int FROM (
                    SELECT pid FROM pg_stat_activity WHERE application_name = \(Self.applicationName)
                    ORDER BY random() LIMIT \(count)
                ) AS chosen
                """).first!.decode(Int.self, at: 0)
            try await Task.sleep(for: .milliseconds(15))
        }
        let doneDuringBreakage = tally.succeeded.load(ordering: .relaxed)
        let failedDuringBreakage = tally.failed.load(ordering: .relaxed)

        // Unbroken now: the work has to go on, and the pool has to stay within its places.
        try await Task.sleep(for: .milliseconds(500))
        mostOnServer = max(mostOnServer, try await serverConnections(admin))
        mostCounted = max(mostCounted, pool.statistics.open)
        tally.stop.store(true, ordering: .relaxed)
        await workers.value
        let doneAfter = tally.succeeded.load(ordering: .relaxed) - doneDuringBreakage
        print("PoolBreakageTests: \(ended) backends ended; \(doneDuringBreakage) writes done and \(failedDuringBreakage) failed during, "
            + "\(doneAfter) done after; at most \(mostOnServer) backends on the server, \(mostCounted) places counted, maximum \(Self.maximum)")
        #expect(ended >= 60, "the breakage really happened")
        #expect(mostOnServer <= Self.maximum)
        #expect(mostCounted <= Self.maximum)
        #expect(doneAfter >= Self.tasks, "work goes on after the breakage")

        // Every task at once, nothing broken: every statement succeeds, on no more than the maximum.
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<Self.tasks {
                group.addTask { (try? await pool.query("SELECT pg_sleep(0.005)")) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) of \(Self.tasks) failed after the breakage")
        #expect(try await serverConnections(admin) <= Self.maximum)
        #expect(pool.statistics.leased == 0 && pool.statistics.waiting == 0)

        // close() must return, whatever happened before; a watchdog so a hang fails the test instead of the run.
        let started = ContinuousClock.now
        Task {
            await pool.close()
            tally.closed.store(true, ordering: .releasing)
        }
        while !tally.closed.load(ordering: .acquiring), ContinuousClock.now - started < .seconds(15) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let returned = tally.closed.load(ordering: .acquiring)
        #expect(returned, "close() did not return within 15 s")
        print("PoolBreakageTests: close() returned in \(ContinuousClock.now - started)")
        #expect(pool.statistics.open == 0)
        // The backends end a moment after their sockets close.
        var left = try await serverConnections(admin)
        for _ in 0..<100 where left > 0 {
            try await Task.sleep(for: .milliseconds(50))
            left = try await serverConnections(admin)
        }
        #expect(left == 0, "the pool's backends outlived close()")
    }

    private func serverConnections(_ admin: PostgresConnection) async throws -> Int {
        try await admin.query(
            "SELECT count(*)::int FROM pg_stat_activity WHERE application_name = \(Self.applicationName)"
        ).first!.decode(Int.self, at: 0)
    }
}

/// What the tasks of the test share; a class, since atomics cannot be captured by escaping closures.
private final class Tally: Sendable {
    let stop = Atomic<Bool>(false)
    let succeeded = Atomic<Int>(0)
    let failed = Atomic<Int>(0)
    let closed = Atomic<Bool>(false)
}
