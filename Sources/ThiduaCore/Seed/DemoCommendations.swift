import Foundation
import Postgres

/// The year-end meeting of the demo, after ``DemoNominations``: the council reviews most of the verified
/// nominations, the chairman signs the commendation decision, and the communes start following two of the
/// commended as exemplars — so a newcomer finds council outcomes, a numbered decision, commendation records and
/// follow-up in every report, all made through the repositories by the demo users. A few verified nominations
/// stay out of the session, for the newcomer to put before the council. DEMO ONLY.
///
/// ```swift
/// let nominations = try await DemoNominations.load(pool: pool, superuser: connection)
/// let meeting = try await DemoCommendations.load(pool: pool, superuser: connection)
/// meeting.decisionSymbol   // "1/QĐ-UBND"
/// ```
public enum DemoCommendations {
    public struct Summary: Sendable, Hashable {
        /// Nominations put before the council, and how it decided them.
        public var reviewed: Int
        public var approved: Int
        public var rejected: Int
        public var decisionSymbol: String
        public var commendations: Int
        public var exemplars: Int
    }

    /// Verified nominations left for the newcomer, the latest ones.
    public static let leftForTheNewcomer = 4
    static let secretary = "noivu.thuky"
    static let chairman = "chutich.huyen"
    static let members = ["phochutich.huyen", "hoidong.tv1", "hoidong.tv2", "hoidong.tv3", "noivu.thutruong", "mttq.thutruong"]
    /// The nomination the council turns down: the first one put before it whose members (but those recused) vote so.
    static let turnedDown = 1
    static let decidedOn = "2021-12-20"

    /// Holds the meeting through the repositories on `pool`; `superuser` only looks up users, the round, the
    /// nominations to review and the decision series.
    public static func load(pool: PostgresPool, superuser: PostgresConnection) async throws -> Summary {
        let store = RecordStore(pool: pool)
        let sessions = SessionRepository(store: store)
        let cast = try await DemoCast.find([Self.secretary, Self.chairman] + members, on: superuser, sessions: sessions)
        let (secretary, chairman) = (cast[Self.secretary], cast[Self.chairman])
        let (round, reviewed) = try await verifiedNominations(on: superuser)

        let council = CouncilRepository(store: store)
        var session = try await council.open(
            round: round, title: "Phiên họp Hội đồng Thi đua – Khen thưởng huyện xét khen thưởng năm 2021",
            nominations: reviewed, by: secretary)
        var voters = [chairman]
        voters += members.map { cast[$0] }
        for (index, item) in session.items.enumerated() {
            let recused = Set(item.recusals.map(\.memberID))
            for voter in voters where !recused.contains(voter.userID) {
                let choice: VoteChoice = index == turnedDown && voter.userID != chairman.userID ? .reject : .approve
                _ = try await council.vote(
                    choice, comment: choice == .reject ? "Thành tích chưa tiêu biểu so với các hồ sơ khác." : nil,
                    on: item.nominationID, in: session.id, version: 0, by: voter)
            }
        }
        session = try await council.close(session.id, version: session.version, by: secretary)
        let approved = session.items.filter { $0.outcome == .approved }.map(\.nominationID)

        let decisions = DecisionRepository(store: store)
        var decision = try await decisions.draft(DecisionDraft(
            seriesID: try await series(on: superuser), decidedOn: try day(decidedOn),
            subject: "Về việc khen thưởng các tập thể, cá nhân, hộ gia đình có thành tích xuất sắc trong các phong trào thi đua năm 2021",
            legalBases: [
                "Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013",
                "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
                "Kế hoạch số 123/KH-UBND của Ủy ban nhân dân huyện Tủa Chùa về tổ chức các phong trào thi đua giai đoạn 2021 – 2025",
                "đề nghị của Hội đồng Thi đua – Khen thưởng huyện",
            ],
            items: try await items(approved, on: superuser)),
            by: secretary)
        decision = try await decisions.sign(decision.id, version: decision.version, by: chairman)

        let exemplars = try await followTwoExemplars(of: decision, pool: pool, superuser: superuser) { username in
            try await DemoCast.find([username], on: superuser, sessions: sessions)[username]
        }
        return Summary(
            reviewed: reviewed.count, approved: approved.count, rejected: session.items.count - approved.count,
            decisionSymbol: decision.symbol ?? "", commendations: decision.liveItems.count, exemplars: exemplars)
    }

    /// The district round and its verified nominations in the order they were made, less the newcomer's share.
    private static func verifiedNominations(on superuser: PostgresConnection) async throws -> (UUID, [UUID]) {
        let rows = try await superuser.query("""
            SELECT r.id, n.id FROM thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id
            WHERE r.code = \(DemoNominations.roundCode) AND r.area_id = 'dien-bien/tua-chua' AND n.state = 'verified'
            ORDER BY n.created_at, n.id
            """)
        let pairs = try rows.map { try $0.decode((UUID, UUID).self) }
        guard let round = pairs.first?.0, pairs.count > leftForTheNewcomer else {
            throw ThiduaError.notFound("hồ sơ đã thẩm định của dữ liệu minh họa / the demo's verified nominations")
        }
        return (round, pairs.dropLast(leftForTheNewcomer).map(\.1))
    }

    /// A Giấy khen for each collective, person and household; a village or residential group is named
    /// "Thôn, tổ dân phố văn hóa", the title the district chairman confers on a locality.
    private static func items(_ nominations: [UUID], on superuser: PostgresConnection) async throws -> [DecisionItemDraft] {
        try await superuser.query("""
            SELECT id, nominee_kind FROM thidua.nominations WHERE id = ANY (\(nominations)) ORDER BY array_position(\(nominations), id)
            """).map { row in
                let (id, kind) = try row.decode((UUID, String).self)
                return DecisionItemDraft(
                    nominationID: id, form: kind == "locality" ? "thon-to-dan-pho-van-hoa" : "giay-khen-chu-tich-huyen", type: .byMovement)
            }
    }

    private static func series(on superuser: PostgresConnection) async throws -> UUID {
        let rows = try await superuser.query("""
            SELECT id FROM thidua.decision_series WHERE area_id = 'dien-bien/tua-chua' AND code = 'qd-ubnd'
            """)
        guard let row = try rows.single() else { throw ThiduaError.notFound("sổ quyết định / decision series qd-ubnd") }
        return try row.decode(UUID.self, at: 0)
    }

    /// The first two commended collectives or households become exemplars their own unit follows: evaluated
    /// in mid-2022, shown at an exchange of experience, and taken up by another unit of the district.
    private static func followTwoExemplars(
        of decision: Decision, pool: PostgresPool, superuser: PostgresConnection, actor: (String) async throws -> Actor
    ) async throws -> Int {
        let rows = try await superuser.query("""
            SELECT c.id, c.nominee_name, n.unit_id, head.username, other.id
            FROM thidua.commendation_records c
            JOIN thidua.nominees n ON n.id = c.nominee_id
            JOIN LATERAL (SELECT u.username FROM thidua.users u JOIN thidua.role_grants g ON g.user_id = u.id
                          WHERE u.unit_id = n.unit_id AND g.role = 'unit_head' AND g.revoked_at IS NULL
                          ORDER BY u.username LIMIT 1) head ON true
            JOIN LATERAL (SELECT u.id FROM thidua.units u
                          WHERE u.area_id = n.area_id AND u.kind = 'commune' AND u.id <> n.unit_id
                          ORDER BY u.code LIMIT 1) other ON true
            WHERE c.decision_id = \(decision.id) AND n.kind IN ('collective', 'household')
            ORDER BY c.nominee_name COLLATE "vi-VN-x-icu", c.id
            LIMIT 2
            """)
        let exemplars = ExemplarRepository(store: RecordStore(pool: pool))
        for row in rows {
            let (record, name, unit, username, adopter) = try row.decode((UUID, String, UUID, String, UUID).self)
            let head = try await actor(username)
            let exemplar = try await exemplars.designate(
                record, title: "Mô hình \(name)", followedBy: unit, on: try day("2022-01-15"), by: head)
            _ = try await exemplars.evaluate(
                exemplar.id, on: try day("2022-06-30"), period: "6 tháng đầu năm 2022",
                effect: "Được nhân dân trong thôn hưởng ứng, làm theo.", efficiency: "Thu nhập tăng so với năm 2021.",
                potential: "Có thể nhân rộng ra các xã vùng cao.", problems: "Thiếu vốn mở rộng sản xuất.",
                helpGiven: "Hỗ trợ vay vốn ưu đãi qua Ngân hàng Chính sách xã hội.", by: head)
            _ = try await exemplars.recordPropagation(
                .exchange, of: exemplar.id, on: try day("2022-08-10"), audience: "Cán bộ, nhân dân các xã lân cận",
                note: "Hội nghị trao đổi kinh nghiệm tại nhà văn hóa thôn.", by: head)
            _ = try await exemplars.recordReplication(
                of: exemplar.id, adoptedBy: adopter, on: try day("2022-10-01"),
                result: "Hai hộ đã áp dụng, bước đầu có hiệu quả.", by: head)
        }
        return rows.count
    }

    /// A `yyyy-MM-dd` day at midnight UTC, as the database's dates are read.
    private static func day(_ text: String) throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: text + "T00:00:00Z") else {
            throw ThiduaError.invalid(field: "day", vietnamese: "Ngày không hợp lệ.", english: "Not a day.")
        }
        return date
    }
}
