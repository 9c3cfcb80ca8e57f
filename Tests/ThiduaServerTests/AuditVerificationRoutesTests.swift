import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// `GET /api/v1/audit/verification`: an auditor recomputes the whole chain over HTTP, through the server's
/// `thidua_verifier` login; tampering made as the superuser shows, other roles are refused, and a server
/// without the login says so.
@Suite("AuditVerificationRoutesTests")
struct AuditVerificationRoutesTests {
    @Test("an auditor verifies an honest trail, then sees an event edited behind the triggers' back named, and a root that is not the one kept")
    func auditorVerifies() async throws {
        try await APIWorld.run { world, api in
            let auditor = try await api.signIn(.auditor)
            _ = try await world.nominations.create(world.draft(name: "Lò Văn Páo"), by: try await world.actor(.clerkA))
            let sealed = try await world.asInstaller { connection in
                try await connection.query("SELECT encode(root, 'hex') FROM thidua.seal_audit_checkpoint()").single()!.decode(String.self, at: 0)
            }

            let honest = try await api.send(.get, "/api/v1/audit/verification?expectRoot=\(sealed)", token: auditor)
            #expect(honest.status == .ok, "\(honest.text)")
            let report = try honest.object()
            #expect(report["intact"] as? Bool == true && report["problem"] == nil)
            #expect(report["latestRoot"] as? String == sealed)
            let events = try await world.superuser { try await $0.query("SELECT count(*)::int FROM thidua.audit_events").single()!.decode(Int.self, at: 0) }
            #expect(report["eventsChecked"] as? Int == events && events > 0)

            let otherRoot = String(repeating: "ab", count: 32)
            let wrongRoot = try await api.send(.get, "/api/v1/audit/verification?expectRoot=\(otherRoot)", token: auditor).object()
            #expect(wrongRoot["intact"] as? Bool == false)
            #expect((wrongRoot["problem"] as? [String: Any])?["kind"] as? String == "rootMismatch")

            let edited = try await world.superuser { connection in
                try await connection.withTransaction { connection in
                    _ = try await connection.query("SET LOCAL session_replication_role = replica")
                    return try await connection.query("""
                        UPDATE thidua.audit_events SET reason = 'sửa lén' WHERE id = (SELECT max(id) FROM thidua.audit_events WHERE record_type = 'nominations')
                        RETURNING id
                        """).single()!.decode(Int64.self, at: 0)
                }
            }
            let tampered = try await api.send(.get, "/api/v1/audit/verification", token: auditor)
            #expect(tampered.status == .ok)
            let problem = try #require(try tampered.object()["problem"] as? [String: Any])
            #expect(problem["kind"] as? String == "edited" && (problem["eventID"] as? NSNumber)?.int64Value == edited)
            #expect((problem["vietnamese"] as? String)?.contains("đã bị sửa") == true && problem["recordType"] as? String == "nominations")
        }
    }

    @Test("while one verification runs a second is 429 verification_running with Retry-After; the first, held on a lock of the trail, then ends intact")
    func oneVerificationAtATime() async throws {
        try await APIWorld.run { world, api in
            let auditor = try await api.signIn(.auditor)
            _ = try await world.nominations.create(world.draft(name: "Lò Văn Páo"), by: try await world.actor(.clerkA))
            // The first verification is held open in PostgreSQL itself: a transaction of the superuser's holds the
            // audit tables in ACCESS EXCLUSIVE mode, so the verifier's first read of them waits until it ends.
            let holder = try await world.database.connect()
            defer { holder.close() }
            try await holder.execute(script: """
                BEGIN; LOCK TABLE thidua.audit_events, thidua.audit_checkpoints, thidua.audit_checkpoint_heads IN ACCESS EXCLUSIVE MODE
                """)
            // On a connection of its own: the test client sends one request at a time on its one connection.
            let port = try #require(api.client.port)
            let first = Task {
                try await TestClient.withClient(host: "localhost", port: port, configuration: .init(timeout: .seconds(120))) { client in
                    try await client.execute(.init("/api/v1/audit/verification", method: .get, headers: [.authorization: "Bearer \(auditor)"]))
                }
            }
            // Were the second verification let in, it would wait on the lock too: the lock is then released after a
            // while, so the test fails on the second's status instead of hanging.
            let release = Task {
                try await Task.sleep(for: .seconds(30))
                try await holder.execute(script: "ROLLBACK")
            }
            defer { release.cancel() }
            do {
                try await Self.untilTheVerifierWaitsOnALock(world)
                let second = try await api.send(.get, "/api/v1/audit/verification", token: auditor)
                release.cancel()
                #expect(second.status == .tooManyRequests, "\(second.text)")
                #expect(second.headers[.retryAfter] == "10")
                let error = try #require(try second.object()["error"] as? [String: Any])
                #expect(error["code"] as? String == "verification_running")
                #expect((error["vietnamese"] as? String)?.contains("Đang có một lượt kiểm tra") == true && (error["english"] as? String)?.contains("already running") == true)
                // Someone who may not verify at all is told so, not that a verification is running.
                let clerk = try await api.signIn(.clerkA)
                #expect(try await api.send(.get, "/api/v1/audit/verification", token: clerk).status == .forbidden)
            } catch {
                try? await holder.execute(script: "ROLLBACK")
                _ = try? await first.value
                throw error
            }
            try await holder.execute(script: "ROLLBACK")
            let finished = try await first.value
            let report = try JSONSerialization.jsonObject(with: Data((finished.body ?? ByteBuffer()).readableBytesView)) as? [String: Any]
            #expect(finished.status == .ok && report?["intact"] as? Bool == true, "\(String(describing: report))")
            // Once it has finished, the next one runs.
            #expect(try await api.send(.get, "/api/v1/audit/verification", token: auditor).status == .ok)
        }
    }

    /// Waits (up to a minute) until a backend of the verifier's login in the world's database waits on a lock.
    static func untilTheVerifierWaitsOnALock(_ world: RecordsWorld) async throws {
        for _ in 0..<600 {
            let waiting = try await world.superuser { connection in
                try await connection.query("""
                    SELECT count(*)::int FROM pg_stat_activity
                    WHERE datname = current_database() AND usename = 'thidua_verifier' AND wait_event_type = 'Lock'
                    """).single()!.decode(Int.self, at: 0)
            }
            if waiting > 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure("no verification waited on the lock of the audit tables within a minute")
    }

    @Test("only auditors verify; a bad kept root is 400; without a verifier login the server answers 503 and says what to do")
    func refusals() async throws {
        try await APIWorld.run { _, api in
            for person in [RecordsWorld.Person.secretary, .chairman, .admin, .clerkA] {
                let token = try await api.signIn(person)
                let refused = try await api.send(.get, "/api/v1/audit/verification", token: token)
                #expect(refused.status == .forbidden, "\(person): \(refused.text)")
            }
            let auditor = try await api.signIn(.auditor)
            let bad = try await api.send(.get, "/api/v1/audit/verification?expectRoot=12:xyz", token: auditor)
            #expect(bad.status == .badRequest)
            #expect((try bad.object()["error"] as? [String: Any])?["field"] as? String == "expectRoot")
            #expect(try await api.send(.get, "/api/v1/audit/verification").status == .unauthorized)
        }
        try await APIWorld.run(verifier: false) { _, api in
            let auditor = try await api.signIn(.auditor)
            let unavailable = try await api.send(.get, "/api/v1/audit/verification", token: auditor)
            #expect(unavailable.status == .serviceUnavailable)
            let body = try #require(try unavailable.object()["error"] as? [String: Any])
            #expect(body["code"] as? String == "verifier_unavailable" && (body["vietnamese"] as? String)?.contains("thidua audit verify") == true)
            let clerk = try await api.signIn(.clerkA)
            #expect(try await api.send(.get, "/api/v1/audit/verification", token: clerk).status == .forbidden)
        }
    }

    @Test("the verifier login reads the audit trail and the records' keys, nothing else, and cannot write it")
    func verifierLoginIsNarrow() async throws {
        let world = try await RecordsWorld.make()
        let connection = try await world.database.connect(user: "thidua_verifier")
        defer { connection.close() }
        let readable = try await connection.query("""
            SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind IN ('r', 'v', 'p')
              AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1
            """).map { try $0.decode(String.self, at: 0) }
        #expect(readable == ["audit_checkpoint_heads", "audit_checkpoints", "audit_events"])
        let writable = try await connection.query("""
            SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'thidua'::regnamespace
              AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE'))
            """).single()!.decode(Int.self, at: 0)
        #expect(writable == 0)
        // Of the audited tables it reads the key columns only (0026), for the trail's coverage of the records.
        let personal = try await connection.query("""
            SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = 'thidua.nominee_personal'::regclass AND a.attnum > 0
              AND NOT a.attisdropped AND has_column_privilege(a.attrelid, a.attnum, 'SELECT') ORDER BY 1
            """).map { try $0.decode(String.self, at: 0) }
        #expect(personal == ["nominee_id"])
        await #expect(throws: PostgresError.self) {
            _ = try await connection.query("SELECT * FROM thidua.nominee_personal")
        }
        await #expect(throws: PostgresError.self) {
            _ = try await connection.query("SELECT full_name FROM thidua.users")
        }
    }
}
