import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The Tủa Chùa catalogue held to the plan (issue 14, item 10): every unit, movement, lead unit, limit, minimum
/// and date of /work/shared/domain/PLAN.md, transcribed below block by block with its section, against what
/// `DataSet.load([.tuaChuaCatalogue])` writes. Each block compares both ways — nothing missing, nothing extra,
/// every figure equal — so an edit of sql/seed/tua-chua/catalogue.sql cannot drift from the plan unnoticed.
/// Facts are lines of text ("kind|name"), so a failure names the line that differs.
@Suite("PlanCatalogueTests")
struct PlanCatalogueTests {
    /// The catalogue loaded once into a fresh database, read as the superuser.
    static let loaded = Task {
        let database = try await TestDatabase.make()
        let admin = try await database.connect()
        defer { admin.close() }
        try await DataSet.load([.tuaChuaCatalogue], superuser: admin)
        return database
    }

    /// Each row of `query` as its text columns joined by "|" (NULL as "-").
    func facts(_ query: PostgresQuery) async throws -> Set<String> {
        let connection = try await Self.loaded.value.connect()
        defer { connection.close() }
        let rows = try await connection.query(query)
        return Set(try rows.map { row in
            try row.columns.indices.map { try row.decode(String?.self, at: $0) ?? "-" }.joined(separator: "|")
        })
    }

    /// Both ways, with the lines that differ in the failure.
    func expectSame(_ loaded: Set<String>, _ plan: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let planned = Set(plan)
        #expect(plan.count == planned.count, "the plan's table repeats a line", sourceLocation: sourceLocation)
        #expect(planned.subtracting(loaded).sorted() == [], "in PLAN.md, missing from the data set", sourceLocation: sourceLocation)
        #expect(loaded.subtracting(planned).sorted() == [], "in the data set, not in PLAN.md", sourceLocation: sourceLocation)
    }

    @Test("the units are PLAN §1's: 12 communes, 11 departments, the two armed forces and the council; no enterprise, no secretariat unit")
    func units() async throws {
        // PLAN §1, "commune": Thị trấn Tủa Chùa and 11 communes, each as its People's Committee (UBND).
        let communes = ["UBND thị trấn Tủa Chùa"] + [
            "Huổi Só", "Lao Xả Phình", "Mường Báng", "Mường Đun", "Sín Chải", "Sính Phình", "Tả Phìn", "Tả Sìn Thàng",
            "Trung Thu", "Tủa Thàng", "Xá Nhè",
        ].map { "UBND xã \($0)" }
        // PLAN §1, "department".
        let departments = [
            "Phòng Nội vụ", "Phòng Kinh tế - Hạ tầng", "Phòng Lao động - Thương binh và Xã hội",
            "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Phòng Y tế",
            "Ban Tuyên giáo Huyện ủy", "Ủy ban MTTQ Việt Nam huyện", "Hội Nông dân huyện",
            "Trung tâm Văn hóa - Truyền thanh - Truyền hình huyện",
        ]
        // PLAN §1, "armed_force" and "council". "secretariat" is Phòng Nội vụ's function (a role, not a second unit);
        // "enterprise": the plan names none.
        let plan = communes.map { "commune|\($0)" } + departments.map { "department|\($0)" }
            + ["armed_force|Công an huyện", "armed_force|Ban Chỉ huy Quân sự huyện", "council|Hội đồng Thi đua - Khen thưởng huyện Tủa Chùa"]
        expectSame(try await facts("SELECT kind, name FROM thidua.units WHERE area_id = 'dien-bien/tua-chua'"), plan)
    }

    @Test("the movements are PLAN §3's ten and the three fields with criteria only, each with its criteria section and nominee kinds")
    func movements() async throws {
        // PLAN §3 rows 1–10 (name, criteria §), then "further fields" 2.2.10–2.2.12. Nominee kinds: PLAN §3's minimum
        // column and §5's criteria (households in 2.2.4 and 2.2.5, places in 2.2.6, individuals only in 2.2.12).
        let plan = [
            "doanh-nghiep-hoi-nhap|Doanh nghiệp Việt Nam hội nhập và phát triển|2.2.1|collective,individual",
            "vi-nguoi-ngheo|Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau|2.2.4|collective,individual,household",
            "van-hoa-cong-so|Cán bộ, công chức, viên chức huyện Tủa Chùa thi đua thực hiện văn hóa công sở giai đoạn 2019–2025|2.2.3|collective,individual",
            "nong-thon-moi|Cả nước chung sức xây dựng nông thôn mới|2.2.2|collective,individual",
            "hoc-tap-lam-theo-bac|Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)|2.2.3|collective,individual",
            "nong-dan-sxkd-gioi|Nông dân thi đua sản xuất, kinh doanh giỏi|2.2.5|collective,individual,household",
            "doi-song-van-hoa|Toàn dân đoàn kết xây dựng đời sống văn hóa|2.2.6|locality",
            "giao-duc-dao-tao|Lĩnh vực giáo dục và đào tạo|2.2.7|collective,individual",
            "y-te|Lĩnh vực y tế, chăm sóc sức khỏe nhân dân|2.2.8|collective,individual",
            "luc-luong-vu-trang|Phong trào thi đua của lực lượng vũ trang (“Thi đua Quyết thắng”, “Vì an ninh Tổ quốc”)|2.2.9|collective,individual",
            "to-chuc-hoi|Điển hình trong hoạt động của các tổ chức hội|2.2.10|collective,individual",
            "co-quan-don-vi|Điển hình trong các cơ quan, đơn vị, UBND các xã, thị trấn|2.2.11|collective",
            "guong-ca-nhan|Gương cá nhân điển hình tiên tiến|2.2.12|individual",
        ]
        expectSame(try await facts("""
            SELECT code, name, criteria_section, array_to_string(nominee_kinds, ',')
            FROM thidua.movements WHERE area_id = 'dien-bien/tua-chua'
            """), plan)
        // PLAN §3 row 3: the office-culture movement runs "giai đoạn 2019–2025". No other movement's years are in the plan.
        #expect(try await facts("SELECT starts_year::text, ends_year::text FROM thidua.movements WHERE code = 'van-hoa-cong-so'") == ["2019|2025"])
    }

    @Test("the lead units and partners are PLAN §3's column \"lead unit\": the unit named first leads, the ones in brackets are partners")
    func leadUnits() async throws {
        let communes = try await facts("SELECT name FROM thidua.units WHERE kind = 'commune'").sorted()
        #expect(communes.count == 12)
        // PLAN §3 rows 1–10; "with the communes" (rows 4 and 6) makes each of the 12 communes a partner.
        let plan = [
            "doanh-nghiep-hoi-nhap|Phòng Kinh tế - Hạ tầng|lead", "doanh-nghiep-hoi-nhap|Phòng Nội vụ|partner",
            "vi-nguoi-ngheo|Phòng Lao động - Thương binh và Xã hội|lead", "vi-nguoi-ngheo|Ủy ban MTTQ Việt Nam huyện|partner",
            "van-hoa-cong-so|Phòng Nội vụ|lead",
            "nong-thon-moi|Phòng Nông nghiệp và Phát triển nông thôn|lead",
            "hoc-tap-lam-theo-bac|Ban Tuyên giáo Huyện ủy|lead",
            "nong-dan-sxkd-gioi|Hội Nông dân huyện|lead",
            "doi-song-van-hoa|Phòng Văn hóa và Thông tin|lead",
            "giao-duc-dao-tao|Phòng Giáo dục và Đào tạo|lead",
            "y-te|Phòng Y tế|lead",
            "luc-luong-vu-trang|Công an huyện|lead", "luc-luong-vu-trang|Ban Chỉ huy Quân sự huyện|lead",
        ] + communes.flatMap { ["nong-thon-moi|\($0)|partner", "nong-dan-sxkd-gioi|\($0)|partner"] }
        expectSame(try await facts("""
            SELECT m.code, u.name, l.part FROM thidua.movement_lead_units l
            JOIN thidua.movements m ON m.id = l.movement_id JOIN thidua.units u ON u.id = l.unit_id
            """), plan)
    }

    @Test("each kind of unit selects PLAN §4's 1–4, 1–2, 1–2 (and each force 1–3, PLAN §3 row 10), in both rounds")
    func unitLimits() async throws {
        // PLAN §4: xã, thị trấn 1 to 4; phòng, ban, đoàn thể 1 to 2; doanh nghiệp 1 to 2. PLAN §3 row 10: each force
        // 1 to 3. The plan sets them for the district selection; the data set applies them to the unit-level round too.
        let limits = ["commune|1|4", "department|1|2", "enterprise|1|2", "armed_force|1|3"]
        let plan = ["2021-co-so", "2021-huyen"].flatMap { round in limits.map { "\(round)|\($0)" } }
        expectSame(try await facts("""
            SELECT r.code, l.unit_kind, l.minimum::text, l.maximum::text
            FROM thidua.round_unit_limits l JOIN thidua.rounds r ON r.id = l.round_id
            """), plan)
    }

    @Test("the lead units' minimums of the district round are PLAN §3's column \"minimum\"; the armed forces' 1–3 holds for each force")
    func movementMinimums() async throws {
        // PLAN §3 rows 1–6 and 9: 1 collective, 3 individuals; row 7: 2 models (localities); row 8: 3 collectives,
        // 3 individuals; row 10: each force 1 to 3 models of any kind (per lead unit, with a maximum). Fields
        // 2.2.10–2.2.12: no quota. Line: round|movement|kind|minimum|maximum|per lead unit.
        let oneAndThree = ["doanh-nghiep-hoi-nhap", "vi-nguoi-ngheo", "van-hoa-cong-so", "nong-thon-moi", "hoc-tap-lam-theo-bac",
                           "nong-dan-sxkd-gioi", "y-te"]
        let plan = oneAndThree.flatMap { ["2021-huyen|\($0)|collective|1|-|false", "2021-huyen|\($0)|individual|3|-|false"] } + [
            "2021-huyen|doi-song-van-hoa|locality|2|-|false",
            "2021-huyen|giao-duc-dao-tao|collective|3|-|false", "2021-huyen|giao-duc-dao-tao|individual|3|-|false",
            "2021-huyen|luc-luong-vu-trang|any|1|3|true",
        ]
        expectSame(try await facts("""
            SELECT r.code, m.code, mm.nominee_kind, mm.minimum::text, mm.maximum::text, mm.per_lead_unit::text
            FROM thidua.round_movement_minimums mm
            JOIN thidua.rounds r ON r.id = mm.round_id JOIN thidua.movements m ON m.id = mm.movement_id
            """), plan)
    }

    @Test("the rounds open on the plan's date and fall due on PLAN §4's and §6's days: 10/10/2021 unit level, 12/11/2021 district")
    func rounds() async throws {
        // PLAN title: dated 02/7/2021. PLAN §4/§6: unit-level exemplars before 10/10/2021, district lists before
        // 12/11/2021. "Before the day" is read as the end of that day, Vietnam time (the data set's lenient reading).
        let plan = [
            "2021-co-so|2021|unit|2021-07-02 00:00:00|2021-10-10 23:59:59",
            "2021-huyen|2021|district|2021-07-02 00:00:00|2021-11-12 23:59:59",
        ]
        expectSame(try await facts("""
            SELECT code, year::text, level,
                   to_char(opens_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS'),
                   to_char(due_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS')
            FROM thidua.rounds WHERE area_id = 'dien-bien/tua-chua'
            """), plan)
    }

    @Test("the reviews and congresses are PLAN §6's: mid-term on 11/6/2023; final review and the three congresses in 2025")
    func reviews() async throws {
        // PLAN §6: sơ kết 11/6/2023; 2025: tổng kết 2021–2025, Đại hội huyện lần thứ III, tỉnh lần thứ VI, toàn quốc lần thứ XI.
        let plan = [
            "mid_term_review|district|2023|2023-06-11|2021-2025",
            "final_review|district|2025|-|2021-2025",
            "congress|district|2025|-|-", "congress|province|2025|-|-", "congress|national|2025|-|-",
        ]
        expectSame(try await facts("""
            SELECT kind, level, year::text, held_on::text, period FROM thidua.emulation_reviews WHERE area_id = 'dien-bien/tua-chua'
            """), plan)
        let congresses = try await facts("SELECT name FROM thidua.emulation_reviews WHERE kind = 'congress'")
        #expect(congresses == [
            "Đại hội Thi đua yêu nước huyện Tủa Chùa lần thứ III", "Đại hội Thi đua yêu nước tỉnh Điện Biên lần thứ VI",
            "Đại hội Thi đua yêu nước toàn quốc lần thứ XI",
        ])
    }
}
