import Foundation
import Postgres
import ThiduaCore
import ThiduaTesting

/// A council-ready world with what decisions need: the district's two registers (decisions "QĐ-UBND" and
/// proposals "TTr-UBND", issued by the district chairman, open-ended so the end of the district's powers on
/// 2025-07-01 shows in the authority table), and two deputies of the chairman's own unit: `deputy` holding the
/// chairman role under ký thay (KT.), `clerkDeputy` under thừa lệnh (TL.).
struct DecisionFixture {
    typealias Person = RecordsWorld.Person

    let council: CouncilFixture
    let decisionSeries: UUID
    let proposalSeries: UUID
    let deputy: Actor
    let clerkDeputy: Actor

    var world: RecordsWorld { council.world }
    var decisions: DecisionRepository { DecisionRepository(store: world.store) }
    var holds: HoldRepository { HoldRepository(store: world.store) }
    var rules: LegalRules { LegalRules(store: world.store) }
    var commendations: CommendationRepository { CommendationRepository(store: world.store) }
    var notices: PublicNoticeRepository { PublicNoticeRepository(store: world.store) }

    subscript(person: Person) -> Actor { council[person] }

    static func make(poolSize: Int = 8) async throws -> DecisionFixture {
        let council = try await CouncilFixture.make(poolSize: poolSize)
        let world = council.world
        let (decisionSeries, proposalSeries) = (try await world.addDecisionSeries(.decision), try await world.addDecisionSeries(.proposal))
        let (deputyID, clerkDeputyID) = (UUID(), UUID())
        let councilUnit = world.council
        try await world.asInstaller { connection in
            for (id, username, name) in [(deputyID, "phochutich", "Trần Văn Phó"), (clerkDeputyID, "chanhvanphong", "Lê Thị Văn")] {
                _ = try await connection.query("""
                    INSERT INTO thidua.users (id, unit_id, username, full_name, password_hash)
                    VALUES (\(id), \(councilUnit), \(username), \(name), crypt('mật khẩu thử', gen_salt('bf', 4)))
                    """)
            }
        }
        let chairman = council[.chairman]
        for (id, style) in [(deputyID, DelegationStyle.onBehalf), (clerkDeputyID, .byOrder)] {
            _ = try await world.userRepository.delegate(
                .chairman, to: id, style: style, from: Date().addingTimeInterval(-60), until: Date().addingTimeInterval(86_400),
                basis: "Quyết định phân công nhiệm vụ của Chủ tịch UBND huyện", by: chairman)
        }
        return DecisionFixture(
            council: council, decisionSeries: decisionSeries, proposalSeries: proposalSeries,
            deputy: try await world.actor(userID: deputyID),
            clerkDeputy: try await world.actor(userID: clerkDeputyID))
    }

    /// New nominations of commune B taken through a council session to `approved` (member and chairman approve).
    func approved(_ names: [String]) async throws -> [Nomination] {
        var nominations: [Nomination] = []
        for name in names {
            nominations.append(try await council.verified(name))
        }
        return try await approve(nominations.map(\.id))
    }

    /// Verified nominations put through one council session that approves them all.
    func approve(_ ids: [UUID]) async throws -> [Nomination] {
        let session = try await council.council.open(round: world.round, title: "Phiên họp xét khen thưởng", nominations: ids, by: self[.secretary])
        for id in ids {
            for member in [Person.member, .chairman] {
                _ = try await council.council.vote(.approve, on: id, in: session.id, version: 0, by: self[member])
            }
        }
        _ = try await council.council.close(session.id, version: session.version, by: self[.secretary])
        var approved: [Nomination] = []
        for id in ids {
            approved.append(try await world.nominations.get(id, as: self[.secretary]))
        }
        return approved
    }

    /// A commendation decision of the district dated `date` over these items.
    func draft(_ items: [DecisionItemDraft], on date: String = "2024-12-20", proposalTo: AuthorityLevel? = nil) async throws -> Decision {
        try await decisions.draft(DecisionDraft(
            seriesID: proposalTo == nil ? decisionSeries : proposalSeries, decidedOn: day(date),
            subject: proposalTo == nil ? "Về việc khen thưởng thành tích phong trào xây dựng nông thôn mới"
                : "Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
                         "Biên bản họp Hội đồng Thi đua - Khen thưởng huyện"],
            items: items, proposalTo: proposalTo), by: self[.secretary])
    }

    /// A commendation decision over new nominations of commune B, one per `forms` entry (name, form), signed
    /// by `signer` (the chairman unless a deputy is named).
    func signed(_ forms: [(name: String, form: String)], by signer: Actor? = nil) async throws -> Decision {
        let nominations = try await approved(forms.map(\.name))
        let draft = try await draft(zip(nominations, forms).map { DecisionItemDraft(nominationID: $0.id, form: $1.form) })
        return try await decisions.sign(draft.id, version: draft.version, by: signer ?? self[.chairman])
    }

    /// The SQLSTATE with which PostgreSQL refuses `sql` from the application role acting as `actor` in `role`.
    func refusal(of sql: PostgresQuery, as actor: Actor, in role: Role) async throws -> String? {
        try await council.refusal(of: sql, as: actor, in: role)
    }

    /// The SQLSTATE with which PostgreSQL refuses `sql` from the superuser, the tables' owner's master, acting
    /// as the installer (nil when accepted).
    func ownerRefusal(of sql: PostgresQuery) async throws -> String? {
        do {
            try await world.asInstaller { connection in _ = try await connection.query(sql) }
            return nil
        } catch let error as PostgresError {
            guard let state = error.serverError?.sqlState else { throw error }
            return state
        }
    }
}

/// Midnight UTC of a `yyyy-MM-dd` day, as the database's `date` columns read back.
func day(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.date(from: text)!
}
