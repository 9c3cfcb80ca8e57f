import Foundation
import Postgres
import Testing
import ThiduaTesting

/// Every supported Swift type goes to PostgreSQL and comes back unchanged, through a real table.
@Suite struct TypeRoundTripTests {
    let connection: PostgresConnection

    init() async throws {
        connection = try await TestDatabase.make(migrated: false).connect()
    }

    private func roundTrip<T: PostgresCodable>(_ value: T, as sqlType: String) async throws -> T {
        try await connection.execute(script: "DROP TABLE IF EXISTS value_store; CREATE TABLE value_store (v \(sqlType))")
        try await connection.query("INSERT INTO value_store (v) VALUES (\(value))")
        let rows = try await connection.query("SELECT v FROM value_store")
        return try #require(try rows.single()).decode(T.self, column: "v")
    }

    @Test func integersAtTheirExtremes() async throws {
        for value in [Int64.min, -1, 0, 1, Int64.max] { #expect(try await roundTrip(value, as: "bigint") == value) }
        for value in [Int.min, Int.max] { #expect(try await roundTrip(value, as: "bigint") == value) }
        for value in [Int32.min, Int32.max] { #expect(try await roundTrip(value, as: "integer") == value) }
        for value in [Int16.min, Int16.max] { #expect(try await roundTrip(value, as: "smallint") == value) }
        // A narrower column widens into Int.
        let row = try #require(try await connection.query("SELECT 7::smallint AS a, 8::integer AS b").single())
        #expect(try row.decode((Int, Int).self) == (7, 8))
    }

    @Test func doublesIncludingSpecialValues() async throws {
        for value in [0.1, -1.5e300, Double.leastNonzeroMagnitude, .infinity, -.infinity] {
            #expect(try await roundTrip(value, as: "double precision") == value)
        }
        #expect(try await roundTrip(Double.nan, as: "double precision").isNaN)
    }

    @Test func decimalsKeepEveryDigit() async throws {
        let values = ["0", "1", "-1", "0.0001", "-0.5", "10000", "12345678901234567890.123456789", "2340000",
                      "99999999.99", "-0.00000001", "100000000000000000000"]
        for text in values {
            let value = try #require(Decimal(string: text))
            #expect(try await roundTrip(value, as: "numeric") == value, "\(text)")
        }
        let scaled = try #require(try await connection.query("SELECT 1.50::numeric(10,2), (-7)::numeric").single())
        #expect(try scaled.decode((Decimal, Decimal).self) == (Decimal(string: "1.5")!, Decimal(-7)))
    }

    @Test func booleans() async throws {
        #expect(try await roundTrip(true, as: "boolean") == true)
        #expect(try await roundTrip(false, as: "boolean") == false)
    }

    @Test func vietnameseTextKeepsItsBytes() async throws {
        let names = ["Tủa Chùa", "Xã Lao Xả Phình", "Ủy ban MTTQ Việt Nam huyện", "Nguyễn Thị Ngọc Ánh", "", "tab\tnew\nline \\ 'quote' \"dq\""]
        for name in names {
            let nfc = name.precomposedStringWithCanonicalMapping
            let back = try await roundTrip(nfc, as: "text")
            #expect(Array(back.utf8) == Array(nfc.utf8))
        }
        // The binding never rewrites text: decomposed input stays decomposed (normalising is the domain's job).
        let nfd = "Tủa Chùa".decomposedStringWithCanonicalMapping
        #expect(Array(try await roundTrip(nfd, as: "text").utf8) == Array(nfd.utf8))
        #expect(try await roundTrip("Sính Phình", as: "varchar(40)") == "Sính Phình")
    }

    @Test func datesFromTheBeginningToTheEndOfPostgresTime() async throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let moments = [
            Date(timeIntervalSince1970: 0),
            Date(timeIntervalSince1970: 1_636_675_200.123456),  // 12/11/2021, with microseconds
            Date(timeIntervalSince1970: -1.5),                  // before 1970, fractional
            Date(timeIntervalSinceReferenceDate: -31_622_400),  // PostgreSQL's own epoch, 2000-01-01
        ]
        for moment in moments {
            let back = try await roundTrip(moment, as: "timestamptz")
            #expect(abs(back.timeIntervalSince(moment)) < 0.000_001, "\(formatter.string(from: moment))")
        }
        // The limits PostgreSQL accepts: 4713 BC and 294276 AD.
        let limits = try #require(try await connection.query("""
            SELECT '4714-11-24 00:00:00+00 BC'::timestamptz AS low, '294276-12-31 23:59:59+00'::timestamptz AS high,
                   '4714-11-24 BC'::date AS low_day, '5874897-12-31'::date AS high_day
            """).single())
        let (low, high, lowDay, highDay) = try limits.decode((Date, Date, Date, Date).self)
        #expect(highDay > high)
        for value in [low, high, lowDay] {
            let echoed = try #require(try await connection.query("SELECT \(value)::timestamptz = \(value)").single())
            #expect(try echoed.decode(Bool.self, at: 0))
        }
        #expect(try await roundTrip(low, as: "timestamptz") == low)
        #expect(try await roundTrip(high, as: "timestamptz") == high)
        let day = try #require(try await connection.query("SELECT '2021-11-12'::date").single()).decode(Date.self, at: 0)
        #expect(day == formatter.date(from: "2021-11-12T00:00:00.000Z"))
        #expect(try await roundTrip(day, as: "date") == day)
    }

    @Test func infiniteTimestampsAreAClearError() async throws {
        let row = try #require(try await connection.query("SELECT 'infinity'::timestamptz AS deadline").single())
        #expect { try row.decode(Date.self, column: "deadline") } throws: { error in
            "\(error)".contains("deadline") && "\(error)".contains("infinite")
        }
    }

    @Test func uuids() async throws {
        let id = UUID()
        #expect(try await roundTrip(id, as: "uuid") == id)
        let generated = try #require(try await connection.query("SELECT gen_random_uuid()::text, '00000000-0000-0000-0000-000000000001'::uuid").single())
        let (_, fixed) = try generated.decode((String, UUID).self)
        #expect(fixed.uuidString == "00000000-0000-0000-0000-000000000001")
    }

    @Test func tenMegabytesOfBytea() async throws {
        var bytes = Data(count: 10 * 1024 * 1024)
        bytes.withUnsafeMutableBytes { buffer in
            for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 9) }
        }
        let back = try await roundTrip(bytes, as: "bytea")
        #expect(back.count == bytes.count)
        #expect(back == bytes)
        #expect(try await roundTrip(Data(), as: "bytea") == Data())
    }

    struct Figures: Codable, Equatable {
        var revenue: [String: Decimal]
        var note: String
        var jobs: Int?
    }

    @Test func jsonValues() async throws {
        let figures = Figures(revenue: ["2021": 1_250_000_000, "2022": 1_480_000_000.5], note: "Doanh thu tăng đều", jobs: nil)
        #expect(try await roundTrip(PostgresJSON(figures), as: "jsonb").value == figures)
        #expect(try await roundTrip(PostgresJSON(figures), as: "json").value == figures)
        let fromSQL = try #require(try await connection.query(#"SELECT '{"revenue":{},"note":"Xá Nhè"}'::jsonb"#).single())
        #expect(try fromSQL.decode(PostgresJSON<Figures>.self, at: 0).value == Figures(revenue: [:], note: "Xá Nhè", jobs: nil))
        #expect { try fromSQL.decode(PostgresJSON<[Int]>.self, at: 0) } throws: { "\($0)".contains("does not match") }
    }

    @Test func arraysOfEveryElementType() async throws {
        #expect(try await roundTrip([1, Int.max, Int.min], as: "bigint[]") == [1, Int.max, Int.min])
        #expect(try await roundTrip([Int32(1), -2], as: "integer[]") == [1, -2])
        #expect(try await roundTrip(["Mường Báng", "Tả Phìn", ""], as: "text[]") == ["Mường Báng", "Tả Phìn", ""])
        #expect(try await roundTrip([String](), as: "text[]") == [])
        #expect(try await roundTrip(["a", nil, "c"] as [String?], as: "text[]") == ["a", nil, "c"])
        #expect(try await roundTrip([true, false], as: "boolean[]") == [true, false])
        #expect(try await roundTrip([1.5, -2.25], as: "double precision[]") == [1.5, -2.25])
        let decimals = [Decimal(string: "0.3")!, Decimal(string: "1.5")!, Decimal(2_340_000)]
        #expect(try await roundTrip(decimals, as: "numeric[]") == decimals)
        let ids = [UUID(), UUID()]
        #expect(try await roundTrip(ids, as: "uuid[]") == ids)
        let moments = [Date(timeIntervalSince1970: 1_625_184_000), Date(timeIntervalSince1970: 0)]
        #expect(try await roundTrip(moments, as: "timestamptz[]") == moments)
        #expect(try await roundTrip([Data([1, 2]), Data()], as: "bytea[]") == [Data([1, 2]), Data()])
        let documents = [PostgresJSON(["a": 1]), PostgresJSON(["b": 2])]
        #expect(try await roundTrip(documents, as: "jsonb[]") == documents)
        let fromSQL = try #require(try await connection.query("SELECT ARRAY[1,2,3]::int4[], ARRAY['x']::varchar[]").single())
        #expect(try fromSQL.decode(([Int], [String]).self) == ([1, 2, 3], ["x"]))
    }

    @Test func nullsBecomeOptionals() async throws {
        let missing: String? = nil
        #expect(try await roundTrip(missing, as: "text") == nil)
        #expect(try await roundTrip(Int?.some(5), as: "bigint") == 5)
        let row = try #require(try await connection.query("SELECT NULL::int AS a, NULL::uuid AS b, NULL::timestamptz AS c").single())
        let (a, b, c) = try row.decode((Int?, UUID?, Date?).self)
        #expect(a == nil && b == nil && c == nil)
    }

    @Test func anUnexpectedNullNamesTheColumn() async throws {
        let row = try #require(try await connection.query("SELECT NULL::text AS nominee_name").single())
        #expect { try row.decode(String.self, column: "nominee_name") } throws: { error in
            guard case PostgresError.decoding(let column, _, _, .unexpectedNull) = error else { return false }
            return column == "nominee_name" && "\(error)".contains("nominee_name")
        }
    }

    @Test func aWrongTypeNamesTheColumnAndBothTypes() async throws {
        let row = try #require(try await connection.query("SELECT 'Tủa Chùa'::text AS unit_name, 1::int AS quota").single())
        #expect { try row.decode(Int.self, column: "unit_name") } throws: { error in
            guard case PostgresError.decoding(let column, _, let type, .typeMismatch) = error else { return false }
            return column == "unit_name" && type == .text && "\(error)".contains("Int")
        }
        #expect(throws: PostgresError.self) { try row.decode(UUID.self, at: 1) }
        #expect(throws: PostgresError.self) { try row.decode((String, Int, Int).self) }
        #expect(throws: PostgresError.self) { try row.decode(String.self, column: "no_such_column") }
    }

    @Test func anUnencodableParameterIsAnErrorBeforeAnythingRuns() async throws {
        await #expect(throws: PostgresError.self) {
            try await connection.query("SELECT \(Decimal.nan)::numeric")
        }
        // The connection is still usable.
        #expect(try await connection.query("SELECT 1::int").first?.decode(Int.self, at: 0) == 1)
    }

    @Test func identifiersAreQuotedNotInjected() async throws {
        let hostile = #"x"; DROP TABLE value_store; --"#
        try await connection.execute(script: "CREATE TABLE IF NOT EXISTS value_store (v int)")
        let query: PostgresQuery = "SELECT 1 AS \(identifier: hostile)"
        let row = try #require(try await connection.query(query).single())
        #expect(row.columns == [hostile])
        #expect(try await connection.query("SELECT to_regclass('value_store') IS NOT NULL").first?.decode(Bool.self, at: 0) == true)
    }
}
