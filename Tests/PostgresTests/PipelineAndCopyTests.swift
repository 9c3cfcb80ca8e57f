import Postgres
import Testing
import ThiduaTesting

@Suite struct PipelineAndCopyTests {
    let connection: PostgresConnection

    init() async throws {
        connection = try await TestDatabase.make(migrated: false).connect()
        try await connection.execute(script: "CREATE TABLE items (id int PRIMARY KEY, label text)")
    }

    private func itemCount() async throws -> Int {
        try await connection.query("SELECT count(*) FROM items").first!.decode(Int.self, at: 0)
    }

    @Test func aPipelineOfAThousandInsertsLandsInFull() async throws {
        let inserts: [PostgresQuery] = (1...1_000).map { "INSERT INTO items VALUES (\(Int32($0)), \("mô hình \($0)"))" }
        let results = try await connection.pipeline(inserts + ["SELECT sum(id)::bigint FROM items"])
        #expect(results.count == 1_001)
        #expect(results.prefix(1_000).allSatisfy { $0.affectedRows == 1 })
        #expect(try results.last!.first!.decode(Int.self, at: 0) == 500_500)
        #expect(try await itemCount() == 1_000)
    }

    @Test func aFailingStatementFailsTheWholePipelineAndTheConnectionLivesOn() async throws {
        let batch: [PostgresQuery] = ["INSERT INTO items VALUES (1, 'a')", "INSERT INTO items VALUES (1, 'duplicate')", "INSERT INTO items VALUES (3, 'c')"]
        await #expect { try await connection.pipeline(batch) } throws: {
            ($0 as? PostgresError)?.serverError?.reason == .uniqueViolation
        }
        #expect(try await itemCount() == 0)
        try await connection.pipeline(["INSERT INTO items VALUES (1, 'a')"])
        #expect(try await itemCount() == 1)
    }

    @Test func aHundredThousandRowsCopyInFull() async throws {
        let rows: [[String?]] = (1...100_000).map { index in
            [String(index), index % 10 == 0 ? nil : "Bản văn hóa \(index)\t\\ \n dòng mới"]
        }
        let copied = try await connection.copyFrom("COPY items (id, label) FROM STDIN", rows: rows)
        #expect(copied == 100_000)
        #expect(try await itemCount() == 100_000)
        let sample = try await connection.query("SELECT label FROM items WHERE id IN (7, 10) ORDER BY id")
        #expect(try sample.map { try $0.decode(String?.self, at: 0) } == ["Bản văn hóa 7\t\\ \n dòng mới", nil])
    }

    @Test func aRejectedCopyLeavesNothing() async throws {
        await #expect { try await connection.copyFrom("COPY items (id, label) FROM STDIN", rows: [["1", "a"], ["not a number", "b"]]) }
            throws: { ($0 as? PostgresError)?.serverError?.sqlState == "22P02" }
        #expect(try await itemCount() == 0)
    }
}
