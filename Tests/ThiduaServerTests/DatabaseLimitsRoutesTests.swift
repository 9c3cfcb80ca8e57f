import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Testing
import ThiduaCore
import ThiduaSchema
import ThiduaServer
import ThiduaTesting

/// Issue 12 items 2–3 over HTTP: a request held behind a row lock ends at the lock timeout with a 503 the
/// client may retry, in both languages with `Retry-After`, and nothing is written; once the lock is gone the
/// same request succeeds. A client that goes away mid-request frees its connection at once.
@Suite struct DatabaseLimitsRoutesTests {
    @Test func aRequestHeldBehindALockIsA503AtTheLockTimeoutAndChangesNothing() async throws {
        let world = try await RecordsWorld.make()
        let draft = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        let pool = PostgresPool(configuration: .init(
            connectionString: try world.database.connectionString(user: ThiduaSchema.applicationRole), maximumConnections: 4,
            limits: SessionLimits(statementTimeout: .seconds(30), lockTimeout: .milliseconds(500))))
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0, pdfConverter: nil))
        let holder = try await world.database.connect()
        defer { holder.close() }
        try await app.test(.live) { client in
            let api = APIClient(client: client, samples: SampleLog())
            let head = try await api.signIn(.headA)
            try await holder.execute(script: "BEGIN")
            try await holder.query("SELECT 1 FROM thidua.nominations WHERE id = \(draft.id) FOR UPDATE")
            let started = ContinuousClock.now
            let held = try await api.send(.post, "/api/v1/nominations/\(draft.id.lower)/transitions", token: head, json: ["event": "submit", "version": 1])
            #expect(ContinuousClock.now - started < .seconds(8))
            #expect(held.status == .serviceUnavailable, "\(held.text)")
            #expect(held.errorCode == "database_busy")
            #expect(held.headers[.retryAfter] == "2")
            try await holder.execute(script: "ROLLBACK")
            let state = try await holder.query("SELECT state, version FROM thidua.nominations WHERE id = \(draft.id)")
            let (stateName, version) = try #require(try state.first?.decode((String, Int).self))
            #expect(stateName == "draft" && version == 1, "nothing was written")

            let retried = try await api.send(.post, "/api/v1/nominations/\(draft.id.lower)/transitions", token: head, json: ["event": "submit", "version": 1])
            #expect(retried.status == .ok, "\(retried.text)")
        }
        await pool.close()
    }

    /// Behind a lock held for the whole test (the lock timeout is 30 s), a client sends a submit and closes its
    /// connection: the server cancels the statement within seconds, its one pooled connection serves the next
    /// request, and nothing was written.
    @Test func aClientThatGoesAwayMidRequestFreesItsConnection() async throws {
        let world = try await RecordsWorld.make()
        let draft = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        let pool = PostgresPool(configuration: .init(
            connectionString: try world.database.connectionString(user: ThiduaSchema.applicationRole), maximumConnections: 1,
            limits: SessionLimits(statementTimeout: .seconds(60), lockTimeout: .seconds(30))))
        let app = ThiduaApplication.make(pool: pool, configuration: .init(port: 0, pdfConverter: nil))
        let holder = try await world.database.connect()
        defer { holder.close() }
        let waitingOnTheLock = "SELECT count(*) FROM pg_stat_activity WHERE usename = 'thidua_app' AND wait_event_type = 'Lock'"
        try await app.test(.live) { client in
            let api = APIClient(client: client, samples: SampleLog())
            let head = try await api.signIn(.headA)
            try await holder.execute(script: "BEGIN")
            try await holder.query("SELECT 1 FROM thidua.nominations WHERE id = \(draft.id) FOR UPDATE")
            let leaving = try RawHTTPConnection(port: try #require(client.port))
            try leaving.send("POST", "/api/v1/nominations/\(draft.id.lower)/transitions", headers: ["Authorization": "Bearer \(head)"],
                             json: #"{"event":"submit","version":1}"#)
            #expect(try await Self.poll(holder, waitingOnTheLock, until: 1, within: .seconds(10)), "the submit waits on the lock")
            let left = ContinuousClock.now
            leaving.close()
            #expect(try await Self.poll(holder, waitingOnTheLock, until: 0, within: .seconds(5)), "its statement was cancelled")
            let next = try await api.send(.get, "/api/v1/nominations/\(draft.id.lower)", token: head)
            #expect(next.status == .ok, "\(next.text)")
            #expect(ContinuousClock.now - left < .seconds(8), "the pool's one connection was free long before the lock timeout")
            try await holder.execute(script: "ROLLBACK")
            let state = try await holder.query("SELECT state, version FROM thidua.nominations WHERE id = \(draft.id)")
            let (stateName, version) = try #require(try state.first?.decode((String, Int).self))
            #expect(stateName == "draft" && version == 1, "nothing was written")
        }
        await pool.close()
    }

    /// Whether `count` reaches `wanted` within `limit`, asked every 100 ms.
    private static func poll(_ connection: PostgresConnection, _ count: String, until wanted: Int, within limit: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let rows = try await connection.query(PostgresQuery(unsafeSQL: count))
            if try rows.first?.decode(Int.self) == wanted { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
