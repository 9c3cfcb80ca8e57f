import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaSchema
import ThiduaTesting

/// Data stays with its readers (issue 13, item 5; migration 0024): whoever may read a record reads its history,
/// and no one else does; a secret ballot's choice is in no one's history; a public notice, objectors' names
/// included, is read by exactly the readers of its nomination. Each reading is checked through the repositories
/// and in raw SQL as the application role, against the record's own table read the same way.
@Suite("HistoryReadersTests")
struct HistoryReadersTests {
    typealias Person = RecordsWorld.Person

    /// A clerk of another commune, the nomination's own clerk, the head of the movement's lead department, the
    /// secretariat, a council member, the chairman, an auditor and the administrator.
    static let readers: [Person] = [.clerkA, .clerkB, .leadHead, .secretary, .member, .chairman, .auditor, .admin]

    static let roles: [Person: Role] = [
        .clerkA: .unitClerk, .clerkB: .unitClerk, .headB: .unitHead, .leadHead: .unitHead, .secretary: .secretariat,
        .member: .councilMember, .member2: .councilMember, .chairman: .chairman, .auditor: .auditor, .admin: .admin,
    ]

    /// A record of the trail, keyed as the trail keys it, with who is meant to read it.
    struct Record: CustomStringConvertible {
        let table: String
        let id: UUID
        let readers: Set<Person>
        var key: String { id.uuidString.lowercased() }
        var description: String { table }
    }

    @Test("each role reads the history of a council session, a draft and a signed decision, a nomination, a draft's item and a hold exactly when it reads the record itself")
    func historyFollowsReadAccess() async throws {
        let f = try await DecisionFixture.make()
        let nomination = try await f.council.verified("Lò Thị Mai")
        let session = try await f.council.council.open(
            round: f.world.round, title: "Phiên họp xét khen thưởng", nominations: [nomination.id], by: f[.secretary])
        for member in [Person.member, .chairman] {
            _ = try await f.council.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: f[member])
        }
        _ = try await f.council.council.close(session.id, version: session.version, by: f[.secretary])
        let draft = try await f.draft([DecisionItemDraft(nominationID: nomination.id, form: "giay-khen-chu-tich-huyen")])
        let hold = try await f.holds.place(
            .complaint, on: nomination.nomineeID, from: Date(), basis: "Đơn khiếu nại số 12/ĐKN ngày 02/12", by: f[.secretary])
        let signed = try await f.signed([(name: "Sùng A Páo", form: "giay-khen-chu-tich-huyen")])

        let council: Set<Person> = [.secretary, .member, .chairman, .auditor]
        let preparers: Set<Person> = [.secretary, .chairman, .auditor]
        let records = [
            Record(table: "council_sessions", id: session.id, readers: council),
            Record(table: "decisions", id: draft.id, readers: preparers),
            // A draft's item and a hold carry the nominee's unit, which let its clerk read their events before 0024.
            Record(table: "decision_items", id: try #require(draft.items.first?.id), readers: preparers),
            Record(table: "holds", id: hold.id, readers: preparers),
            Record(table: "decisions", id: signed.id, readers: Set(Self.readers)),
            Record(table: "nominations", id: nomination.id, readers: [.clerkB, .leadHead, .secretary, .member, .chairman, .auditor]),
        ]
        for person in Self.readers {
            for record in records {
                let expected = record.readers.contains(person)
                #expect(try await Self.reads(record, as: person, f) == expected, "\(person) reading \(record) itself")
                let history = try await f.world.audit.history(of: record.table, id: record.key, as: f[person])
                #expect(history.isEmpty != expected, "\(person) reading the history of \(record): \(history.map(\.action))")
                #expect(history.allSatisfy { $0.recordType == record.table && $0.recordID == record.key })
                #expect(try await Self.eventCount(of: record, as: person, f) == history.count, "\(person), \(record), in SQL")
            }
        }
        // The readers' whole history: the session's opening and closing, the signing of the public decision.
        let sessionHistory = try await f.world.audit.history(of: "council_sessions", id: session.id.uuidString.lowercased(), as: f[.member])
        #expect(sessionHistory.map(\.action) == ["council.open", "council.close"])
        let signedHistory = try await f.world.audit.history(of: "decisions", id: signed.id.uuidString.lowercased(), as: f[.clerkA])
        #expect(signedHistory.map(\.action).last == "decision.sign")
    }

    @Test("a secret ballot's choice is in no one's history: the votes' events carry participation only, for every reader, before and after the close")
    func secretChoicesInNoHistory() async throws {
        let f = try await CouncilFixture.make()
        let nomination = try await f.verified("Lò Thị Mai")
        let secret = try #require(try await f.council.rules(as: f[.secretary]).first { $0.code == "ninety-percent-secret" })
        var session = try await f.council.open(
            round: f.world.round, title: "Phiên họp xét danh hiệu Chiến sĩ thi đua", nominations: [nomination.id], rule: secret.id, by: f[.secretary])
        let voters: [(Person, VoteChoice)] = [(.member, .approve), (.chairman, .reject), (.member2, .abstain)]
        for (person, choice) in voters {
            _ = try await f.council.vote(choice, on: nomination.id, in: session.id, version: 0, by: f[person])
        }
        let votes = voters.map { "\(session.id.uuidString.lowercased())/\(nomination.id.uuidString.lowercased())/\(f.world.users[$0.0]!.uuidString.lowercased())" }
        let everyone: [Person] = Self.readers + [.member2]
        for closed in [false, true] {
            if closed { session = try await f.council.close(session.id, version: session.version, by: f[.secretary]) }
            for person in everyone {
                var events: [AuditEvent] = []
                for key in votes {
                    events += try await f.world.audit.history(of: "council_votes", id: key, as: f[person])
                }
                events += try await f.world.audit.history(of: "council_sessions", id: session.id.uuidString.lowercased(), as: f[person])
                for event in events {
                    for json in [event.before, event.after].compactMap({ $0 }) {
                        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                        #expect(object["choice"].map { $0 is NSNull } ?? true, "\(person) reads a choice in \(event.action)")
                        #expect(!VoteChoice.allCases.contains { json.contains("\"\($0.rawValue)\"") }, "\(person): \(json)")
                    }
                }
                // Those who read the session read who took part: the history is there, only the choices are not.
                let takesPart = [Person.secretary, .member, .chairman, .auditor, .member2].contains(person)
                #expect(events.contains { $0.recordType == "council_votes" } == takesPart, "\(person), closed: \(closed)")
            }
        }
        #expect(session.item(nomination.id)?.tally == CouncilTally(members: 3, approve: 1, reject: 1, abstain: 1))
    }

    @Test("a public notice and its objectors are read by exactly the readers of its nomination: not the chairman before council review, the council from then on")
    func noticeFollowsItsNomination() async throws {
        let f = try await DecisionFixture.make()
        let nomination = try await PublicNoticeTests.verifiedLocality("Xã Thử Nghiệm B", f)
        var notice = try await f.notices.open(
            nomination.id, form: "xa-tieu-bieu", channel: PublicNoticeTests.portal, from: PublicNoticeTests.daysAgo(30), by: f[.secretary])
        let objection = try await f.notices.record(
            .objection, on: notice.id, objector: "Nguyễn Văn A, thôn Háng Á", content: "Đường liên thôn chưa hoàn thành như báo cáo.",
            receivedOn: PublicNoticeTests.daysAgo(25), by: f[.clerkB])
        notice = try await f.notices.close(
            notice.id, version: notice.version, outcome: .objectionsDismissed, reason: "Đã kiểm tra thực địa: đường đã hoàn thành", by: f[.secretary])
        let persons = Self.readers + [.headB]
        let beforeCouncil: Set<Person> = [.clerkB, .headB, .leadHead, .secretary, .auditor]
        try await expectNoticeReaders(beforeCouncil, of: nomination.id, notice: notice.id, objection: objection.id, among: persons, f)

        _ = try await f.council.council.open(round: f.world.round, title: "Phiên họp xét Xã tiêu biểu", nominations: [nomination.id], by: f[.secretary])
        try await expectNoticeReaders(beforeCouncil.union([.member, .chairman]), of: nomination.id, notice: notice.id, objection: objection.id, among: persons, f)
    }

    @Test("every audited table is answered by may_read_record(), so no table's history falls back to overseers only")
    func everyAuditedTableHasAReader() async throws {
        let world = try await RecordsWorld.make(poolSize: 1)
        let (tables, source) = try await world.superuser { connection in
            let tables = try await connection.query("""
                SELECT DISTINCT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE t.tgname = 'audit' AND c.relnamespace = 'thidua'::regnamespace ORDER BY 1
                """).map { try $0.decode(String.self, at: 0) }
            let source = try await connection.query("""
                SELECT prosrc FROM pg_proc WHERE proname = 'may_read_record' AND pronamespace = 'thidua'::regnamespace
                """).single()?.decode(String.self, at: 0)
            return (tables, source)
        }
        let body = try #require(source)
        #expect(tables.count > 40)
        for table in tables {
            #expect(body.contains("WHEN '\(table)' THEN"), "no branch for \(table)")
        }
        #expect(!body.contains("council_secret_ballots") && !body.contains("council_ballot_secrets"))
    }

    // MARK: - Helpers

    /// The notice, its objection and their histories are read by exactly `expected`, who are exactly the
    /// nomination's readers.
    private func expectNoticeReaders(
        _ expected: Set<Person>, of nominationID: UUID, notice noticeID: UUID, objection objectionID: UUID, among persons: [Person],
        _ f: DecisionFixture, _ line: SourceLocation = #_sourceLocation
    ) async throws {
        for person in persons {
            let readsNomination = (try? await f.world.nominations.get(nominationID, as: f[person])) != nil
            #expect(readsNomination == expected.contains(person), "\(person) reading the nomination", sourceLocation: line)
            let notice = try? await f.notices.notice(noticeID, as: f[person])
            #expect((notice != nil) == readsNomination, "\(person) reading the notice", sourceLocation: line)
            #expect(notice.map { $0.objections.map(\.objector) == ["Nguyễn Văn A, thôn Háng Á"] } ?? true, sourceLocation: line)
            let listed = (try? await f.notices.notices(nomination: nominationID, as: f[person])) ?? []
            #expect(listed.map(\.id) == (readsNomination ? [noticeID] : []), "\(person) listing notices", sourceLocation: line)
            for record in [Record(table: "public_notices", id: noticeID, readers: expected),
                           Record(table: "notice_objections", id: objectionID, readers: expected)] {
                #expect(try await Self.reads(record, as: person, f) == readsNomination, "\(person), \(record) in SQL", sourceLocation: line)
                let history = try await f.world.audit.history(of: record.table, id: record.key, as: f[person])
                #expect(history.isEmpty != readsNomination, "\(person), history of \(record)", sourceLocation: line)
            }
        }
    }

    /// Whether `person` reads the record in its own table, in SQL as the application role.
    static func reads(_ record: Record, as person: Person, _ f: DecisionFixture) async throws -> Bool {
        try await asApplication(person, f) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT EXISTS (SELECT FROM thidua.\(PostgresQuery.quoted(identifier: record.table)) WHERE id = '\(record.key)')
                """)).single()!.decode(Bool.self, at: 0)
        }
    }

    /// How many events of the record `person` reads in raw SQL as the application role.
    static func eventCount(of record: Record, as person: Person, _ f: DecisionFixture) async throws -> Int {
        try await asApplication(person, f) { connection in
            try await connection.query("""
                SELECT count(*)::integer FROM thidua.audit_events WHERE record_type = \(record.table) AND record_id = \(record.key)
                """).single()!.decode(Int.self, at: 0)
        }
    }

    /// `body` in a read-only transaction of the application role naming only the acting user and role, as a
    /// buggy or compromised server could.
    static func asApplication<T: Sendable>(
        _ person: Person, _ f: DecisionFixture, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let identification = try await f.world.database.presenting(f.world.users[person]!, role: roles[person]!.rawValue)
        let connection = try await f.world.database.connect(user: ThiduaSchema.applicationRole)
        defer { connection.close() }
        return try await connection.withTransaction(readOnly: true) { connection in
            _ = try await connection.query(identification)
            return try await body(connection)
        }
    }
}
