import Foundation
import Postgres
import ThiduaCore

/// A small district for records tests: two communes, a lead department, the secretariat, an armed force, the
/// council, a user for every role, two movements and an open round (commune maximum 4). The council has three
/// members: `member` and `chairman` of the council's own unit, and `member2`, commune A's chairman sitting on
/// the district council (so recused by default from commune A's nominations).
///
/// ```swift
/// let world = try await RecordsWorld.make()
/// let clerk = try await world.actor(.clerkA)
/// let draft = try await world.nominations.create(world.draft(), by: clerk)
/// ```
public struct RecordsWorld: Sendable {
    /// Everyone in the world, by what they are.
    public enum Person: String, Sendable, CaseIterable {
        case clerkA, headA, clerkB, headB, leadClerk, leadHead, secretary, forceClerk, forceHead
        case member, chairman, auditor, admin, deputyA
        case member2
    }

    public let database: TestDatabase
    public let pool: PostgresPool
    /// The superuser's own small pool, through which ``actor(_:)`` opens its sessions: one connection (and its
    /// thread) for every actor a test makes would load the machine the whole suite shares.
    let sessionOpener: PostgresPool
    public let store: RecordStore
    public let areaID = "test/huyen"
    public let communeA: UUID, communeB: UUID, leadDepartment: UUID, secretariatUnit: UUID, force: UUID, council: UUID
    /// Led by `leadDepartment`; takes individuals, collectives and households.
    public let movement: UUID
    /// Led by `force`.
    public let forceMovement: UUID
    public let round: UUID
    public let users: [Person: UUID]

    public var nominations: NominationRepository { NominationRepository(store: store) }
    public var attachments: AttachmentRepository { AttachmentRepository(store: store) }
    public var rounds: RoundRepository { RoundRepository(store: store) }
    public var userRepository: UserRepository { UserRepository(store: store) }
    public var audit: AuditTrail { AuditTrail(store: store) }
    public var nominees: NomineeRepository { NomineeRepository(store: store) }
    public var councilReviews: CouncilRepository { CouncilRepository(store: store) }

    public static func make(poolSize: Int = 8) async throws -> RecordsWorld {
        let database = try await TestDatabase.make()
        let admin = try await database.connect()
        defer { admin.close() }
        var ids: [String: UUID] = [:]
        for key in ["communeA", "communeB", "lead", "secretariat", "force", "council", "movement", "forceMovement", "round"]
            + Person.allCases.map(\.rawValue) {
            ids[key] = UUID()
        }
        func id(_ key: String) -> UUID { ids[key]! }
        try await admin.withTransaction { connection in
            try await DataSet.actAsInstaller(action: "test.world", on: connection)
            _ = try await connection.query("INSERT INTO thidua.areas VALUES ('test/huyen', 'Huyện Thử Nghiệm')")
            for (key, code, name, kind) in [
                ("communeA", "xa-a", "UBND xã Sín Chải", "commune"), ("communeB", "xa-b", "UBND xã Tả Phìn", "commune"),
                ("lead", "phong-nn", "Phòng Nông nghiệp và Phát triển nông thôn", "department"),
                ("secretariat", "phong-noi-vu", "Phòng Nội vụ", "department"),
                ("force", "cong-an", "Công an huyện", "armed_force"),
                ("council", "hoi-dong", "Hội đồng Thi đua - Khen thưởng huyện", "council"),
            ] {
                _ = try await connection.query("""
                    INSERT INTO thidua.units (id, area_id, code, name, kind) VALUES (\(id(key)), 'test/huyen', \(code), \(name), \(kind))
                    """)
            }
            let people: [(Person, String, String, [String])] = [
                (.clerkA, "communeA", "Lò Văn Pâng", ["unit_clerk"]), (.headA, "communeA", "Giàng A Của", ["unit_head"]),
                (.deputyA, "communeA", "Vàng Thị Mỷ", ["unit_clerk"]),
                (.clerkB, "communeB", "Sùng A Lử", ["unit_clerk"]), (.headB, "communeB", "Thào Seo Chứ", ["unit_head"]),
                (.leadClerk, "lead", "Nguyễn Thị Hạnh", ["unit_clerk"]), (.leadHead, "lead", "Trần Văn Đức", ["unit_head"]),
                (.secretary, "secretariat", "Phạm Thu Trang", ["secretariat"]),
                (.forceClerk, "force", "Lê Văn Hùng", ["unit_clerk"]), (.forceHead, "force", "Đỗ Mạnh Cường", ["unit_head"]),
                (.member, "council", "Hoàng Văn Thụ", ["council_member"]), (.chairman, "council", "Vũ Đình Khoa", ["chairman"]),
                (.auditor, "council", "Bùi Thị Lan", ["auditor"]), (.admin, "council", "Đặng Quốc Bảo", ["admin"]),
                (.member2, "communeA", "Lý Văn Sáng", ["council_member"]),
            ]
            for (person, unit, name, roles) in people {
                _ = try await connection.query("""
                    INSERT INTO thidua.users (id, unit_id, username, full_name, password_hash)
                    VALUES (\(id(person.rawValue)), \(id(unit)), \(person.rawValue.lowercased()), \(name), crypt('mật khẩu thử', gen_salt('bf', 4)))
                    """)
                for role in roles {
                    _ = try await connection.query("INSERT INTO thidua.role_grants (user_id, role) VALUES (\(id(person.rawValue)), \(role))")
                }
            }
            let criteria = #"[{"code": "c1", "text": "Đóng góp ngày công"}, {"code": "c2", "text": "Hiến đất làm đường"}]"#
            let indicators = #"[{"code": "workdays", "name": "Ngày công", "unit": "ngày", "perYear": true, "rule": null}]"#
            _ = try await connection.query("""
                INSERT INTO thidua.movements (id, area_id, code, name, nominee_kinds, criteria, indicators,
                                              initiating_level, scope, duration, method, starts_year, ends_year) VALUES
                    (\(id("movement")), 'test/huyen', 'nong-thon-moi', 'Cả nước chung sức xây dựng nông thôn mới',
                     ARRAY['collective', 'individual', 'household'], \(criteria)::jsonb, \(indicators)::jsonb,
                     'central', 'whole_area', 'fixed_term', 'thematic', 2021, 2025),
                    (\(id("forceMovement")), 'test/huyen', 'vi-an-ninh-to-quoc', 'Vì an ninh Tổ quốc',
                     ARRAY['collective', 'individual'], '[]', '[]', 'ministry', 'sector', 'regular', 'regular', 2021, NULL)
                """)
            _ = try await connection.query("""
                INSERT INTO thidua.movement_lead_units VALUES (\(id("movement")), \(id("lead")), 'lead'),
                    (\(id("movement")), \(id("communeA")), 'partner'), (\(id("forceMovement")), \(id("force")), 'lead')
                """)
            _ = try await connection.query("""
                INSERT INTO thidua.rounds (id, area_id, code, name, year, level, opens_at, due_at)
                VALUES (\(id("round")), 'test/huyen', 'thu-2021', 'Đợt thử năm 2021', 2021, 'district',
                        now() - interval '30 days', now() + interval '30 days')
                """)
            _ = try await connection.query("""
                INSERT INTO thidua.round_unit_limits VALUES (\(id("round")), 'commune', 1, 4), (\(id("round")), 'department', 1, 2),
                    (\(id("round")), 'armed_force', 1, 3)
                """)
            _ = try await connection.query("""
                INSERT INTO thidua.round_movement_minimums VALUES (\(id("round")), \(id("movement")), 'collective', 1),
                    (\(id("round")), \(id("movement")), 'individual', 3)
                """)
        }
        let pool = try database.pool(user: "thidua_app", maximumConnections: poolSize)
        return RecordsWorld(
            database: database, pool: pool, sessionOpener: try database.pool(maximumConnections: 1), store: RecordStore(pool: pool, ballotKey: BallotKey.random()),
            communeA: id("communeA"), communeB: id("communeB"), leadDepartment: id("lead"),
            secretariatUnit: id("secretariat"), force: id("force"), council: id("council"),
            movement: id("movement"), forceMovement: id("forceMovement"), round: id("round"),
            users: Dictionary(uniqueKeysWithValues: Person.allCases.map { ($0, id($0.rawValue)) }))
    }

    /// The person as an actor acting through a live session (opened by the superuser, as a sign-in would).
    public func actor(_ person: Person) async throws -> Actor {
        try await actor(userID: users[person]!)
    }

    /// The user as an actor acting through a live session the superuser opens for them (0029: the
    /// application's role names no one without their session).
    public func actor(userID: UUID) async throws -> Actor {
        try await sessionOpener.withConnection { try await SessionRepository(store: store).actor(openingSessionFor: userID, on: $0) }
    }

    /// A draft for a new individual nominee in the world's movement (or the force's, which has no checklist).
    public func draft(name: String = "Lò Thị Mai", movement: UUID? = nil, unit: UUID? = nil) -> NominationDraft {
        let checklist = (movement ?? self.movement) == self.movement
        return NominationDraft(
            roundID: round, movementID: movement ?? self.movement, unitID: unit,
            nominee: .new(NewNominee(kind: .individual, name: name, personal: PersonalDetails(
                dateOfBirth: "1985-03-12", gender: "female", ethnicity: "Hmông", position: "Trưởng bản"))),
            content: NominationContent(
                nomineeName: name, title: "Cá nhân điển hình tiên tiến",
                achievements: "Vận động 40 hộ hiến 2.000 m² đất làm đường liên bản.",
                criteriaAnswers: checklist ? ["c1": CriterionAnswer(met: true, evidence: "120 ngày công")] : [:],
                indicators: checklist ? ["workdays": ["2021": 120]] : [:]))
    }

    /// Attaches the documents the round requires (request, achievement report, review minutes).
    public func completeDossier(of nomination: UUID, by actor: Actor) async throws {
        for kind in [DossierKind.request, .achievementReport, .reviewMinutes] {
            _ = try await attachments.add(
                kind, fileName: "\(kind.rawValue).pdf", mediaType: "application/pdf",
                content: Data("%PDF-1.4 \(kind.vietnamese)".utf8), to: nomination, by: actor)
        }
    }

    /// A new nomination of commune B (or A) taken through the workflow to `verified`, ready for the council.
    /// Mind the round's commune maximum of 4 (tests that need more lift it).
    public func verified(_ name: String, ofCommuneA: Bool = false) async throws -> Nomination {
        let clerk = try await actor(ofCommuneA ? .clerkA : .clerkB)
        var nomination = try await nominations.create(draft(name: name), by: clerk)
        try await completeDossier(of: nomination.id, by: clerk)
        nomination = try await nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await actor(ofCommuneA ? .headA : .headB))
        nomination = try await nominations.perform(.endorse, on: nomination.id, version: nomination.version, by: try await actor(.leadHead))
        return try await nominations.perform(.verify, on: nomination.id, version: nomination.version, by: try await actor(.secretary))
    }

    /// Runs `body` in one transaction as the installer (a superuser session; its changes are audited).
    public func asInstaller<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await superuser { connection in
            try await connection.withTransaction { connection in
                try await DataSet.actAsInstaller(action: "test.setup", on: connection)
                return try await body(connection)
            }
        }
    }

    /// Runs `body` as the superuser (outside row-level security), for checks and adversarial setups.
    public func superuser<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await database.connect()
        defer { connection.close() }
        return try await body(connection)
    }
}
