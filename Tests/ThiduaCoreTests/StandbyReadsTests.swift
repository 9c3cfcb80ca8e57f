import Foundation
import Postgres
import PostgresCluster
import Testing
@testable import ThiduaCore
import ThiduaSchema

/// Reports and the audit trail's reading on a real streaming-replication hot standby (issue 17 item 4): served
/// there once it has replayed the reader's own last write, by the primary when it lags beyond the bound or is
/// down, and there again when it is back.
@Suite("StandbyReadsTests", .serialized)
struct StandbyReadsTests {
    /// A primary with the Tủa Chùa catalogue and demo users, and its hot standby made by `pg_basebackup -R`.
    final class Replicated: Sendable {
        let folder: String
        let primary: PostgresCluster
        let standby: PostgresCluster
        let standbyReads: StandbyReads
        let store: RecordStore
        let superuser: PostgresConnection

        init() async throws {
            folder = "/tmp/thidua-standby-\(UUID().uuidString.prefix(8))"
            primary = PostgresCluster(directory: folder + "/p", options: .init(durable: false))
            standby = PostgresCluster(directory: folder + "/s", options: .init(durable: false))
            try primary.start()
            let admin = try await PostgresConnection.connect(to: try primary.connectionString())
            _ = try await ThiduaSchema.createDatabaseIfMissing(admin: admin)
            admin.close()
            superuser = try await PostgresConnection.connect(to: try primary.connectionString(database: "thidua"))
            _ = try await ThiduaSchema.migrator().migrate(superuser)
            try await DataSet.load([.tuaChuaCatalogue, .tuaChuaDemoUsers], superuser: superuser)
            try standby.initialiseAsStandby(of: primary)
            try standby.start()
            let application = { (cluster: PostgresCluster) in
                PostgresPool(configuration: .init(
                    connectionString: try cluster.connectionString(database: "thidua", user: "thidua_app"), maximumConnections: 2))
            }
            standbyReads = StandbyReads(pool: try application(standby), maximumLag: .seconds(1), pause: .seconds(1))
            store = RecordStore(pool: try application(primary), standby: standbyReads)
        }

        /// Waits until the standby has replayed everything the primary wrote so far (its first catch-up after start).
        func caughtUp() async throws {
            let connection = try await PostgresConnection.connect(to: try standby.connectionString(database: "thidua"))
            defer { connection.close() }
            let position = try await superuser.query("SELECT pg_current_wal_insert_lsn()::text").single()!.decode(String.self, at: 0)
            for _ in 0..<300 {
                if try await connection.query("SELECT pg_last_wal_replay_lsn() >= \(position)::pg_lsn").single()!.decode(Bool.self, at: 0) {
                    return
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("the standby did not catch up within 30 s")
        }

        func close() async {
            superuser.close()
            await store.pool.close()
            await standbyReads.pool.close()
            try? standby.stop()
            try? primary.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }

        func actor(_ username: String) async throws -> Actor {
            let id = try await superuser.query("SELECT id FROM thidua.users WHERE username = \(username)").single()!.decode(UUID.self, at: 0)
            return try await SessionRepository(store: store).actor(openingSessionFor: id, on: superuser)
        }

        /// A new nomination of sinchai.canbo's commune, written on the primary.
        func nominate(_ name: String, by clerk: Actor) async throws -> UUID {
            let ids = try await superuser.query("""
                SELECT (SELECT id FROM thidua.rounds WHERE code = '2021-co-so'), (SELECT id FROM thidua.movements WHERE code = 'hoc-tap-lam-theo-bac')
                """).single()!
            let draft = NominationDraft(
                roundID: try ids.decode(UUID.self, at: 0), movementID: try ids.decode(UUID.self, at: 1),
                nominee: .new(NewNominee(kind: .individual, name: name)),
                content: NominationContent(nomineeName: name, title: "Cá nhân điển hình tiên tiến"))
            return try await NominationRepository(store: store).create(draft, by: clerk).id
        }

        func onStandby(_ sql: String) async throws {
            let connection = try await PostgresConnection.connect(to: try standby.connectionString(database: "thidua"))
            defer { connection.close() }
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql))
        }
    }

    @Test("a read after one's own write is served by the standby once it has replayed it, by the primary while replay is paused, and by the standby again after")
    func readsFollowTheReadersOwnWrite() async throws {
        let world = try await Replicated()
        let clerk = try await world.actor("sinchai.canbo")
        let trail = AuditTrail(store: world.store)
        try await world.caughtUp()

        let first = try await world.nominate("Lò Văn Đọc", by: clerk)
        #expect(try await trail.history(of: "nominations", id: first.uuidString.lowercased(), as: clerk).isEmpty == false)
        #expect(world.standbyReads.counts == (standby: 1, primary: 0))

        try await world.onStandby("SELECT pg_wal_replay_pause()")
        let second = try await world.nominate("Lò Văn Chờ", by: clerk)
        let started = ContinuousClock.now
        #expect(try await trail.history(of: "nominations", id: second.uuidString.lowercased(), as: clerk).isEmpty == false,
                "the reader sees their own write although the standby has not replayed it")
        #expect(world.standbyReads.counts == (standby: 1, primary: 1))
        #expect(ContinuousClock.now - started < .seconds(3))

        try await world.onStandby("SELECT pg_wal_replay_resume()")
        #expect(try await trail.history(of: "nominations", id: second.uuidString.lowercased(), as: clerk).isEmpty == false)
        #expect(world.standbyReads.counts == (standby: 2, primary: 1))
        await world.close()
    }

    @Test("a standby that is down costs one short wait: the primary serves, and the standby serves again once it is back")
    func aStandbyDownFallsBackToThePrimary() async throws {
        let world = try await Replicated()
        let secretary = try await world.actor("noivu.thuky")
        let reports = ReportRepository(store: world.store)
        try await world.caughtUp()
        _ = try await reports.yearly(year: 2021, as: secretary)
        #expect(world.standbyReads.counts.standby == 1)

        try world.standby.stop()
        let started = ContinuousClock.now
        _ = try await reports.yearly(year: 2021, as: secretary)
        _ = try await reports.yearly(year: 2021, as: secretary)
        #expect(world.standbyReads.counts == (standby: 1, primary: 2))
        #expect(ContinuousClock.now - started < .seconds(5), "one connect attempt, then the standby is rested")

        try world.standby.start()
        try await Task.sleep(for: .seconds(1.2))
        try await world.caughtUp()
        _ = try await reports.yearly(year: 2021, as: secretary)
        #expect(world.standbyReads.counts == (standby: 2, primary: 2))
        await world.close()
    }
}
