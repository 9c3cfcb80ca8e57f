import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Finding people and nominations by name without typing diacritics, in Vietnamese order, through an index.
@Suite("SearchTests")
struct SearchTests {
    static let names = [
        "Nguyễn Văn An", "Nguyễn Văn Ánh", "Nguyễn Thị Bích", "Đặng Văn Đông", "Trường THCS Tủa Chùa",
        "Hợp tác xã chè Shan tuyết Tủa Chùa", "Lò Thị Mai", "Âu Văn Dũng", "Ông Thị Ơn",
    ]

    @Test("“nguyen van” and “tua chua” find names written with diacritics, sorted the Vietnamese way")
    func diacriticInsensitiveSearch() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        for name in Self.names {
            _ = try await world.nominations.create(world.draft(name: name), by: clerk)
        }
        let nguyen = try await world.nominations.list(NominationFilter(search: "nguyen van"), as: clerk)
        #expect(nguyen.map(\.nomineeName) == ["Nguyễn Văn An", "Nguyễn Văn Ánh"])
        let tuaChua = try await world.nominations.list(NominationFilter(search: "TUA CHUA"), as: clerk)
        #expect(tuaChua.map(\.nomineeName) == ["Hợp tác xã chè Shan tuyết Tủa Chùa", "Trường THCS Tủa Chùa"])
        let people = try await world.nominees.search("dang van", as: clerk)
        #expect(people.map(\.name) == ["Đặng Văn Đông"])
        // A percent sign is a character to look for, not a wildcard.
        #expect(try await world.nominations.list(NominationFilter(search: "%"), as: clerk).isEmpty)

        // Vietnamese order: A < Â < Đ < L < N < Ô < T (not code-point order, which puts Đ and Â after Z).
        let all = try await world.nominations.list(NominationFilter(), as: clerk).map(\.nomineeName)
        #expect(all == [
            "Âu Văn Dũng", "Đặng Văn Đông", "Hợp tác xã chè Shan tuyết Tủa Chùa", "Lò Thị Mai", "Nguyễn Thị Bích",
            "Nguyễn Văn An", "Nguyễn Văn Ánh", "Ông Thị Ơn", "Trường THCS Tủa Chùa",
        ])
    }

    @Test("another unit's names are not found")
    func searchRespectsVisibility() async throws {
        let world = try await RecordsWorld.make()
        _ = try await world.nominations.create(world.draft(name: "Nguyễn Văn An"), by: try await world.actor(.clerkA))
        #expect(try await world.nominations.list(NominationFilter(search: "nguyen"), as: try await world.actor(.clerkB)).isEmpty)
        #expect(try await world.nominees.search("nguyen", as: try await world.actor(.clerkB)).isEmpty)
    }

    @Test("the search uses the trigram index, not a scan (EXPLAIN)")
    func searchUsesTheIndex() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        // Enough rows that a scan would cost more than the index, written by the clerk as the application would.
        let connection = try await world.database.connect(user: "thidua_app")
        defer { connection.close() }
        try await connection.withTransaction { connection in
            _ = try await connection.query(RecordStore.identification(clerk.claim, role: "unit_clerk"))
            _ = try await connection.query("""
                INSERT INTO thidua.nominees (area_id, unit_id, kind, name)
                SELECT 'test/huyen', \(world.communeA), 'individual', 'Người số ' || g FROM generate_series(1, 3000) g
                """)
            _ = try await connection.query("""
                INSERT INTO thidua.nominations (area_id, round_id, movement_id, unit_id, nominee_id, nominee_kind, nominee_name, created_by)
                SELECT 'test/huyen', \(world.round), \(world.movement), \(world.communeA), n.id, 'individual', n.name, \(clerk.userID)
                FROM thidua.nominees n
                """)
        }
        let plan = try await world.superuser { connection in
            _ = try await connection.query("ANALYZE thidua.nominations")
            return try await connection.query("""
                EXPLAIN SELECT id FROM thidua.nominations
                WHERE thidua.unaccented(lower(nominee_name)) LIKE thidua.unaccented('%nguyen van%')
                """).map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
        }
        #expect(plan.contains("nominations_name_search"), "\(plan)")
    }
}
