import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// DESIGN.md §4 as a table: every role × every nomination action × own unit / other unit / lead unit /
/// armed force. Each case runs twice on fresh records: through the repository (Swift policy and RLS), and
/// as raw SQL from the application role with only the acting user set (RLS and the workflow guard alone).
@Suite("RolesMatrixTests")
struct RolesMatrixTests {
    typealias Person = RecordsWorld.Person

    /// Whose nomination the case acts on: commune A's, commune B's (in the lead department's movement), or the
    /// armed force's (in that movement where a lead unit would review it, in its own movement for verification).
    enum Target: String, CaseIterable, Sendable { case communeA, communeB, force }

    enum Act: String, CaseIterable, Sendable {
        case view, create, edit, submit, withdraw, endorse, returnByLead, verify, returnBySecretariat
    }

    static let actors: [Person] = [
        .clerkA, .headA, .leadClerk, .leadHead, .secretary, .member, .chairman, .auditor, .admin, .forceClerk, .forceHead,
    ]

    /// Who may, per the roles matrix. Everything not listed is refused.
    static func allowed(_ person: Person, _ act: Act, _ target: Target) -> Bool {
        switch act {
        case .view:
            switch target {
            // Own unit; the lead unit's staff for its movement; the secretariat and auditors.
            case .communeA: [.clerkA, .headA, .leadClerk, .leadHead, .secretary, .auditor].contains(person)
            case .communeB: [.leadClerk, .leadHead, .secretary, .auditor].contains(person)
            // Never the lead unit: armed-force records are the force's, the secretariat's and auditors'.
            case .force: [.forceClerk, .forceHead, .secretary, .auditor].contains(person)
            }
        case .create, .edit:
            (target == .communeA && [.clerkA, .headA].contains(person)) || (target == .force && [.forceClerk, .forceHead].contains(person))
        case .submit, .withdraw:
            (target == .communeA && person == .headA) || (target == .force && person == .forceHead)
        case .endorse, .returnByLead:
            target != .force && person == .leadHead
        case .verify, .returnBySecretariat:
            person == .secretary
        }
    }

    @Test("every role × action × unit relation, through the repository and directly in SQL")
    func matrixHoldsThroughRepositoryAndSQL() async throws {
        let world = try await RecordsWorld.make()
        try await world.asInstaller { connection in
            _ = try await connection.query("UPDATE thidua.round_unit_limits SET maximum = 1000")
        }
        var failures: [String] = []
        for person in Self.actors {
            let actor = try await world.actor(person)
            for act in Act.allCases {
                for target in Target.allCases {
                    let expected = Self.allowed(person, act, target)
                    let viaRepository = try await attemptThroughRepository(world, actor, act, target)
                    let viaSQL = try await attemptInSQL(world, actor, act, target)
                    if viaRepository != expected || viaSQL != expected {
                        failures.append("\(person) \(act) \(target): expected \(expected), repository \(viaRepository), SQL \(viaSQL)")
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) cases differ:\n\(failures.joined(separator: "\n"))")
    }

    @Test("what PostgreSQL refuses by itself (row-level security, the workflow guard, a role not held) is named the database's refusal")
    func refusalsByTheDatabaseAreNamedSo() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let draft = try await world.nominations.create(world.draft(), by: clerk)
        let attempts: [(Capacity, String)] = [
            // Row-level security (42501): a clerk is no administrator.
            (Capacity(role: .unitClerk), "INSERT INTO thidua.units (area_id, code, name, kind) VALUES ('test/huyen', 'xa-c', 'UBND xã C', 'commune')"),
            // The workflow guard (TD002): a clerk prepares, the head submits.
            (Capacity(role: .unitClerk), """
                UPDATE thidua.nominations SET state = 'submitted', version = version + 1, submitted_by = thidua.actor_id(),
                    submitted_at = now() WHERE id = '\(draft.id.uuidString.lowercased())'
                """),
            // The audit trigger (TD008): a role the clerk does not hold.
            (Capacity(role: .secretariat), "UPDATE thidua.nominations SET title = 'Sửa', version = version + 1 WHERE id = '\(draft.id.uuidString.lowercased())'"),
        ]
        for (capacity, sql) in attempts {
            await #expect(throws: ThiduaError.denied(.refusedByDatabase), "\(sql)") {
                try await world.store.write(clerk, capacity, action: "test.refused") { connection in
                    try await connection.execute(script: sql)
                }
            }
        }
        #expect(ThiduaError.denied(.refusedByDatabase).vietnamese == "Cơ sở dữ liệu từ chối thao tác này theo quy tắc phân quyền.")
    }

    // MARK: - The two paths

    private func attemptThroughRepository(_ world: RecordsWorld, _ actor: Actor, _ act: Act, _ target: Target) async throws -> Bool {
        do {
            switch act {
            case .create:
                _ = try await world.nominations.create(world.draft(unit: unitID(world, target)), by: actor)
            default:
                let record = try await prepare(world, act, target)
                switch act {
                case .view: _ = try await world.nominations.get(record.id, as: actor)
                case .edit:
                    _ = try await world.nominations.edit(record.id, version: record.version,
                                                         content: NominationContent(nomineeName: "Lò Thị Mai", title: "Sửa"), by: actor)
                case .submit: _ = try await world.nominations.perform(.submit, on: record.id, version: record.version, by: actor)
                case .withdraw: _ = try await world.nominations.perform(.withdraw, on: record.id, version: record.version, by: actor)
                case .endorse: _ = try await world.nominations.perform(.endorse, on: record.id, version: record.version, by: actor)
                case .returnByLead:
                    _ = try await world.nominations.perform(.returnByLeadUnit, on: record.id, version: record.version, reason: "Bổ sung", by: actor)
                case .verify: _ = try await world.nominations.perform(.verify, on: record.id, version: record.version, by: actor)
                case .returnBySecretariat:
                    _ = try await world.nominations.perform(.returnBySecretariat, on: record.id, version: record.version, reason: "Bổ sung", by: actor)
                case .create: break
                }
            }
            return true
        } catch let error as ThiduaError {
            switch error {
            case .denied, .notFound: return false
            default: throw error
            }
        }
    }

    /// The same act as the SQL a compromised or buggy application could send, with the actor set and the
    /// role they hold named: only row-level security and the workflow guard stand in the way.
    private func attemptInSQL(_ world: RecordsWorld, _ actor: Actor, _ act: Act, _ target: Target) async throws -> Bool {
        let record: Nomination? = act == .create ? nil : try await prepare(world, act, target)
        let nominee: UUID? = act == .create ? try await existingNominee(world, target) : nil
        let role = actor.roles.sorted { $0.rawValue < $1.rawValue }.first!.rawValue
        let connection = try await world.database.connect(user: "thidua_app")
        defer { connection.close() }
        do {
            return try await connection.withTransaction { connection in
                _ = try await connection.query(RecordStore.identification(actor.claim, role: role, reason: "Bổ sung"))
                let rows: PostgresRows
                switch act {
                case .view:
                    rows = try await connection.query("SELECT id FROM thidua.nominations WHERE id = \(record!.id)")
                case .create:
                    rows = try await connection.query("""
                        INSERT INTO thidua.nominations (area_id, round_id, movement_id, unit_id, nominee_id, nominee_kind, nominee_name, created_by)
                        VALUES ('test/huyen', \(world.round), \(world.movement), \(unitID(world, target)), \(nominee!), 'individual', 'Lò Thị Mai', thidua.actor_id())
                        RETURNING id
                        """)
                case .edit:
                    rows = try await connection.query("UPDATE thidua.nominations SET title = 'Sửa', version = version + 1 WHERE id = \(record!.id) RETURNING id")
                case .submit:
                    // An armed force's submission is endorsed at once in any movement: no other lead unit may read it (0018).
                    let endorsedAtOnce = target == .force
                    rows = try await connection.query("""
                        UPDATE thidua.nominations SET state = \(endorsedAtOnce ? "endorsed" : "submitted"), version = version + 1,
                            submitted_by = thidua.actor_id(), submitted_at = now()
                        WHERE id = \(record!.id) RETURNING id
                        """)
                case .withdraw: rows = try await move(connection, record!, to: "withdrawn")
                case .endorse: rows = try await move(connection, record!, to: "endorsed")
                case .verify: rows = try await move(connection, record!, to: "verified")
                case .returnByLead, .returnBySecretariat:
                    // The lead unit's return is from `submitted`; the secretariat's from `endorsed`.
                    let from = act == .returnByLead ? "submitted" : "endorsed"
                    rows = try await connection.query("""
                        UPDATE thidua.nominations SET state = 'returned', version = version + 1, return_count = return_count + 1
                        WHERE id = \(record!.id) AND state = \(from) RETURNING id
                        """)
                }
                return rows.count == 1
            }
        } catch let error as PostgresError {
            guard let state = error.serverError?.sqlState, ["42501", "TD002", "TD008"].contains(state) else { throw error }
            return false
        }
    }

    private func move(_ connection: PostgresConnection, _ record: Nomination, to state: String) async throws -> PostgresRows {
        try await connection.query("UPDATE thidua.nominations SET state = \(state), version = version + 1 WHERE id = \(record.id) RETURNING id")
    }

    // MARK: - Records in the state each act needs, made by the people whose job it is

    private func unitID(_ world: RecordsWorld, _ target: Target) -> UUID {
        switch target {
        case .communeA: world.communeA
        case .communeB: world.communeB
        case .force: world.force
        }
    }

    private func existingNominee(_ world: RecordsWorld, _ target: Target) async throws -> UUID {
        try await prepare(world, .edit, target).nomineeID
    }

    private func prepare(_ world: RecordsWorld, _ act: Act, _ target: Target) async throws -> Nomination {
        let (clerk, head): (Person, Person) = switch target {
        case .communeA: (.clerkA, .headA)
        case .communeB: (.clerkB, .headB)
        case .force: (.forceClerk, .forceHead)
        }
        let forceOwnMovement = target == .force && (act == .verify || act == .returnBySecretariat)
        let clerkActor = try await world.actor(clerk)
        var record = try await world.nominations.create(
            world.draft(movement: forceOwnMovement ? world.forceMovement : world.movement), by: clerkActor)
        if act == .create || act == .edit || act == .submit || act == .withdraw { return record }
        try await world.completeDossier(of: record.id, by: clerkActor)
        record = try await world.nominations.perform(.submit, on: record.id, version: record.version, by: try await world.actor(head))
        if act == .verify || act == .returnBySecretariat, record.state == .submitted {
            record = try await world.nominations.perform(.endorse, on: record.id, version: record.version, by: try await world.actor(.leadHead))
        }
        return record
    }
}
