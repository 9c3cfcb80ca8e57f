import Foundation
@testable import Postgres
import Testing
import ThiduaTesting

/// Statements held back with `sendAhead` travel with the next one: a transaction's `BEGIN` and its settings
/// cost no round trip of their own, and nothing about what commits or fails changes.
@Suite struct SendAheadTests {
    let database: TestDatabase

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
        let setup = try await database.connect()
        defer { setup.close() }
        try await setup.execute(script: "CREATE TABLE entries (id serial PRIMARY KEY, note text NOT NULL)")
    }

    private func notes(_ connection: PostgresConnection) async throws -> [String] {
        try await connection.query("SELECT note FROM entries ORDER BY id").map { try $0.decode(String.self, at: 0) }
    }

    @Test func beginAndASettingTravelWithTheFirstStatement() async throws {
        let connection = try await database.connect()
        _ = try await connection.query("SELECT set_config('thidua.note', 'warm-up', false)")
        let before = connection.roundTrips
        let seen = try await connection.withTransaction { connection in
            connection.sendAhead("SELECT set_config('thidua.note', \("mô hình"), true)")
            return try await connection.query("SELECT current_setting('thidua.note')").first!.decode(String.self, at: 0)
        }
        #expect(seen == "mô hình")
        // BEGIN, the setting and the SELECT in one batch (preparing the two new statements in it too), COMMIT in a second.
        #expect(connection.roundTrips - before == 2)
        let after = try await connection.query("SELECT current_setting('thidua.note')").first!.decode(String.self, at: 0)
        #expect(after == "warm-up", "the setting was transaction-local, so the transaction really began first")
    }

    @Test func whatIsHeldBackWhenNothingFollowsGoesWithTheCommit() async throws {
        let connection = try await database.connect()
        let before = connection.roundTrips
        try await connection.withTransaction { connection in
            connection.sendAhead("INSERT INTO entries (note) VALUES (\("bản Tả Phìn"))")
        }
        #expect(connection.roundTrips - before == 1)
        #expect(try await notes(connection) == ["bản Tả Phìn"])
    }

    @Test func aFailingHeldBackStatementSkipsTheOneItTravelledWithAndLeavesNothing() async throws {
        let connection = try await database.connect()
        await #expect {
            try await connection.withTransaction { connection in
                connection.sendAhead("INSERT INTO entries (note) VALUES (NULL)")
                try await connection.query("INSERT INTO entries (note) VALUES ('sau')")
            }
        } throws: { ($0 as? PostgresError)?.serverError?.sqlState == "23502" }
        #expect(try await notes(connection).isEmpty)
        #expect(try await connection.query("SELECT 1").count == 1, "the connection is usable afterwards")
    }

    @Test func aHeldBackStatementThatFailsAtCommitRollsEverythingBack() async throws {
        let connection = try await database.connect()
        await #expect {
            try await connection.withTransaction { connection in
                try await connection.query("INSERT INTO entries (note) VALUES ('trước')")
                connection.sendAhead("INSERT INTO entries (note) VALUES (NULL)")
            }
        } throws: { ($0 as? PostgresError)?.serverError?.sqlState == "23502" }
        #expect(try await notes(connection).isEmpty)
    }

    @Test func aThrowingBodyDropsWhatItHeldBack() async throws {
        struct Refusal: Error {}
        let connection = try await database.connect()
        await #expect(throws: Refusal.self) {
            try await connection.withTransaction { connection in
                connection.sendAhead("INSERT INTO entries (note) VALUES ('không bao giờ')")
                throw Refusal()
            }
        }
        try await connection.withTransaction { connection in
            _ = try await connection.query("INSERT INTO entries (note) VALUES ('tiếp')")
        }
        #expect(try await notes(connection) == ["tiếp"])
    }

    /// A statement that cannot be encoded is refused before anything is sent, so the `BEGIN` still waits for the
    /// next one: a body that catches the error goes on inside its transaction, not in autocommit.
    @Test func aStatementRefusedBeforeSendingLeavesTheBeginWaiting() async throws {
        struct Refusal: Error {}
        let connection = try await database.connect()
        await #expect(throws: Refusal.self) {
            try await connection.withTransaction { connection in
                _ = try? await connection.query("SELECT \(Decimal.nan)")
                try await connection.query("INSERT INTO entries (note) VALUES ('rolled back with the rest')")
                throw Refusal()
            }
        }
        #expect(try await notes(connection).isEmpty)
    }

    @Test func aScriptOrACopyAfterHeldBackStatementsRunsAfterThem() async throws {
        let connection = try await database.connect()
        try await connection.withTransaction { connection in
            connection.sendAhead("INSERT INTO entries (note) VALUES ('một')")
            try await connection.execute(script: "INSERT INTO entries (note) VALUES ('hai')")
            connection.sendAhead("INSERT INTO entries (note) VALUES ('ba')")
            try await connection.copyFrom("COPY entries (note) FROM STDIN", rows: [["bốn"]])
            connection.sendAhead("INSERT INTO entries (note) VALUES ('năm')")
            try await connection.pipeline(["INSERT INTO entries (note) VALUES ('sáu')"])
        }
        #expect(try await notes(connection) == ["một", "hai", "ba", "bốn", "năm", "sáu"])
    }
}
