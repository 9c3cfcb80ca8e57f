import Foundation
import PostgresCluster
import Testing

/// A cluster's life in a fresh folder: created once, started, reached with psql, stopped, started again on the
/// same data. Also that the default collation really sorts Vietnamese.
@Suite("A cluster's lifecycle")
struct LifecycleTests {
    @Test("fresh folder: initialise once, start, query, stop, start again with the data kept")
    func lifecycle() throws {
        try TemporaryFolder.with { folder in
            let cluster = PostgresCluster(directory: folder, options: .init(durable: false))
            defer { try? cluster.stop() }
            #expect(try cluster.status() == .notInitialised)
            #expect(try cluster.initialiseIfNeeded() == true)
            #expect(try cluster.initialiseIfNeeded() == false)
            #expect(try cluster.status() == .stopped)

            let running = try cluster.start()
            #expect(try cluster.status() == .running(running))
            #expect(Processes.isAlive(running.pid))
            #expect(running.socketDirectory == cluster.socketDirectory)
            #expect(running.port == 5432)
            #expect(running.listensOnLoopback == false)
            #expect(try cluster.start() == running, "a second start returns the running server")

            let conninfo = try cluster.connectionString()
            #expect(try Psql.value(conninfo, "SELECT 1") == "1")
            #expect(try Psql.value(conninfo, "SHOW server_encoding") == "UTF8")
            #expect(try Psql.value(conninfo, "SHOW fsync") == "off")
            try Psql.value(conninfo, "CREATE TABLE kept (name text); INSERT INTO kept VALUES ('Đà Nẵng')")

            try cluster.stop()
            #expect(try cluster.status() == .stopped)
            #expect(Processes.ends(running.pid))
            try cluster.stop()  // stopping a stopped cluster is a no-op

            let again = try cluster.start()
            #expect(again.pid != running.pid)
            #expect(try Psql.value(cluster.connectionString(), "SELECT name FROM kept") == "Đà Nẵng")
        }
    }

    @Test("the default collation sorts Vietnamese: Anh < Ăn, Dung < Đà < Em")
    func vietnameseOrder() throws {
        try TemporaryFolder.with { folder in
            let cluster = PostgresCluster(directory: folder, options: .init(durable: false))
            defer { try? cluster.stop() }
            try cluster.start()
            let conninfo = try cluster.connectionString()
            #expect(try Psql.value(conninfo, #"SELECT 'ă' < 'b' COLLATE "vi-VN-x-icu""#) == "t")
            let locale = "SELECT datlocprovider::text || ' ' || daticulocale FROM pg_database "
                + "WHERE datname = current_database()"
            #expect(try Psql.value(conninfo, locale) == "i vi-VN")
            // Code-point order would put Ăn and Đà last; ICU's root order would put Ăn before Anh and Đà before
            // Dung. Only Vietnamese order, where ă and đ are letters of their own, gives this.
            let sorted = try Psql.value(
                conninfo,
                "SELECT string_agg(w, ' ' ORDER BY w) "
                    + "FROM unnest(ARRAY['Em', 'Đà', 'Dung', 'Da', 'Ăn', 'Anh', 'Bé']) w")
            #expect(sorted == "Anh Ăn Bé Da Dung Đà Em")
        }
    }

    @Test("without ICU, initdb falls back to plain C.UTF-8 instead of failing")
    func fallbackWithoutICU() throws {
        try TemporaryFolder.with { tools in
            try TemporaryFolder.with { folder in
                let real = try PostgresBinaries.find()
                try FakeInitdb.install(in: tools, wrapping: real)
                var cluster = PostgresCluster(directory: folder, options: .init(durable: false))
                cluster.binaries = try PostgresBinaries(searching: [tools])
                defer { try? cluster.stop() }

                #expect(try cluster.initialiseIfNeeded())
                try cluster.start()
                let conninfo = try cluster.connectionString()
                let locale = "SELECT datlocprovider::text || ' ' || datcollate FROM pg_database "
                    + "WHERE datname = current_database()"
                #expect(try Psql.value(conninfo, locale) == "c C.UTF-8")
                #expect(try Psql.value(conninfo, "SHOW server_encoding") == "UTF8")
            }
        }
    }
}
