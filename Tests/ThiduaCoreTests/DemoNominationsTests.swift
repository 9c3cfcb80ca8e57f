import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The living demo: the Tủa Chùa data sets and the demo nominations, loaded once for the suite into a fresh
/// database. Every test only reads it.
@Suite("DemoNominationsTests")
struct DemoNominationsTests {
    struct LoadedDemo: Sendable {
        var database: TestDatabase
        var pool: PostgresPool
        var summary: DemoNominations.Summary
        /// The council's year-end meeting and decision, held after the nominations were made.
        var meeting: DemoCommendations.Summary

        /// Runs `query` as the superuser, outside row-level security.
        func superuser(_ query: PostgresQuery) async throws -> PostgresRows {
            let connection = try await database.connect()
            defer { connection.close() }
            return try await connection.query(query)
        }

        func actor(_ username: String) async throws -> Actor {
            let id = try await superuser("SELECT id FROM thidua.users WHERE username = \(username)").single()!.decode(UUID.self, at: 0)
            let connection = try await database.connect()
            defer { connection.close() }
            return try await SessionRepository(store: RecordStore(pool: pool)).actor(openingSessionFor: id, on: connection)
        }
    }

    static let demo = Task {
        let database = try await TestDatabase.make()
        let superuser = try await database.connect()
        defer { superuser.close() }
        try await DataSet.load([.tuaChuaCatalogue, .tuaChuaDemoUsers], superuser: superuser)
        let pool = try database.pool(user: "thidua_app")
        let summary = try await DemoNominations.load(pool: pool, superuser: superuser)
        let meeting = try await DemoCommendations.load(pool: pool, superuser: superuser)
        return LoadedDemo(database: database, pool: pool, summary: summary, meeting: meeting)
    }

    @Test("30 to 45 nominations, in every state, as the summaries say: the council's meeting took the reviewed ones on")
    func everyWorkflowState() async throws {
        let demo = try await Self.demo.value
        var states: [NominationState: Int] = [:]
        for row in try await demo.superuser("SELECT state, count(*) FROM thidua.nominations GROUP BY state") {
            states[NominationState(rawValue: try row.decode(String.self, at: 0))!] = try row.decode(Int.self, at: 1)
        }
        let total = states.values.reduce(0, +)
        #expect((30...45).contains(total))
        #expect(Set(states.keys).isSuperset(of: [.draft, .submitted, .endorsed, .verified, .returned, .withdrawn, .rejected, .decided]))
        var expected = demo.summary.states
        expected[.verified, default: 0] -= demo.meeting.reviewed
        expected[.rejected] = demo.meeting.rejected
        expected[.decided] = demo.meeting.commendations
        #expect(states == expected && total == demo.summary.nominations)
    }

    @Test("the year-end meeting: a closed session with votes, one numbered signed decision, its commendation records and followed exemplars")
    func theYearEndMeeting() async throws {
        let demo = try await Self.demo.value
        let meeting = demo.meeting
        #expect(meeting.reviewed >= 8 && meeting.rejected == 1 && meeting.approved == meeting.reviewed - 1)
        #expect(meeting.commendations == meeting.approved && meeting.decisionSymbol == "1/QĐ-UBND" && meeting.exemplars == 2)
        let row = try await demo.superuser("""
            SELECT (SELECT count(*) FROM thidua.council_sessions WHERE state = 'closed')::int,
                   (SELECT count(*) FROM thidua.council_votes)::int,
                   (SELECT count(*) FROM thidua.decisions WHERE state = 'signed' AND number = 1 AND decided_on = '2021-12-20')::int,
                   (SELECT count(*) FROM thidua.commendation_records WHERE revoked_at IS NULL AND year = 2021)::int,
                   (SELECT count(*) FROM thidua.exemplar_evaluations)::int, (SELECT count(*) FROM thidua.exemplar_replications)::int,
                   (SELECT count(*) FROM thidua.nominations WHERE state = 'verified')::int
            """).single()!
        let (sessions, votes, signed, records, evaluations, replications, stillVerified) = try row.decode((Int, Int, Int, Int, Int, Int, Int).self)
        #expect(sessions == 1 && votes > meeting.reviewed * 5 && signed == 1 && records == meeting.commendations)
        #expect(evaluations == 2 && replications == 2)
        #expect(stillVerified == DemoCommendations.leftForTheNewcomer, "verified nominations stay for the newcomer's own session")
    }

    @Test("spread over the 12 communes, several departments, both armed forces and most movements")
    func spread() async throws {
        let demo = try await Self.demo.value
        let rows = try await demo.superuser("""
            SELECT u.kind, count(DISTINCT u.id), count(DISTINCT n.movement_id) FROM thidua.nominations n
            JOIN thidua.units u ON u.id = n.unit_id GROUP BY u.kind
            """)
        var units: [String: Int] = [:]
        for row in rows { units[try row.decode(String.self, at: 0)] = try row.decode(Int.self, at: 1) }
        #expect(units["commune"] == 12)
        #expect(units["department", default: 0] >= 5)
        #expect(units["armed_force"] == 2)
        let movements = try await demo.superuser("SELECT count(DISTINCT movement_id) FROM thidua.nominations").single()!
        #expect(try movements.decode(Int.self, at: 0) >= 8)
    }

    @Test("no unit holds more than its maximum, and the ledger agrees with the nominations")
    func quotaLedgerWithinMaximum() async throws {
        let demo = try await Self.demo.value
        let over = try await demo.superuser("SELECT count(*) FROM thidua.quota_usage WHERE used > maximum").single()!
        #expect(try over.decode(Int.self, at: 0) == 0)
        let disagreeing = try await demo.superuser("""
            SELECT count(*) FROM thidua.quota_usage q
            WHERE q.used <> (SELECT count(*) FROM thidua.nominations n WHERE n.round_id = q.round_id AND n.unit_id = q.unit_id
                             AND n.state IN ('submitted', 'endorsed', 'verified', 'returned', 'in_review', 'approved', 'decided'))
               OR q.maximum <> (SELECT l.maximum FROM thidua.round_unit_limits l JOIN thidua.units u ON u.kind = l.unit_kind
                                WHERE l.round_id = q.round_id AND u.id = q.unit_id)
            """).single()!
        #expect(try disagreeing.decode(Int.self, at: 0) == 0)
    }

    @Test("every change of every nomination is in the audit trail, by a demo user, returns with their reason")
    func everyTransitionAudited() async throws {
        let demo = try await Self.demo.value
        // A nomination starts at version 1 and every edit or transition adds one: one event each, at least.
        let rows = try await demo.superuser("""
            SELECT n.version,
                   count(e.id) AS events,
                   count(e.id) FILTER (WHERE e.actor_role = 'installer') AS by_installer,
                   count(e.id) FILTER (WHERE e.action LIKE 'nomination.return%' AND coalesce(e.reason, '') = '') AS unexplained
            FROM thidua.nominations n
            LEFT JOIN thidua.audit_events e ON e.record_type = 'nominations' AND e.record_id = n.id::text
            GROUP BY n.id, n.version
            """)
        #expect(rows.count == demo.summary.nominations)
        for row in rows {
            #expect(try row.decode(Int.self, column: "events") >= row.decode(Int.self, column: "version"))
            #expect(try row.decode(Int.self, column: "by_installer") == 0)
            #expect(try row.decode(Int.self, column: "unexplained") == 0)
        }
    }

    @Test("the rounds keep the plan's due dates; each taking-part unit has the secretariat's recorded exception")
    func deadlineExceptions() async throws {
        let demo = try await Self.demo.value
        let due = try await demo.superuser("""
            SELECT count(*) FROM thidua.rounds WHERE due_at < TIMESTAMPTZ '2022-01-01' AND version = 1
            """).single()!
        #expect(try due.decode(Int.self, at: 0) == 2)
        let exceptions = try await demo.superuser("""
            SELECT count(DISTINCT e.unit_id),
                   count(*) FILTER (WHERE e.reason <> \(DemoNominations.exceptionReason) OR g.username <> 'noivu.thuky'),
                   (SELECT count(DISTINCT unit_id) FROM thidua.nominations)
            FROM thidua.deadline_exceptions e JOIN thidua.users g ON g.id = e.granted_by
            """).single()!
        #expect(try exceptions.decode(Int.self, at: 0) == exceptions.decode(Int.self, at: 2))
        #expect(try exceptions.decode(Int.self, at: 1) == 0)
        #expect(try exceptions.decode(Int.self, at: 0) == demo.summary.deadlineExceptions)
    }

    @Test("verified nominations carry the three required documents, named in Vietnamese")
    func verifiedDossiersComplete() async throws {
        let demo = try await Self.demo.value
        let incomplete = try await demo.superuser("""
            SELECT count(*) FROM thidua.nominations n JOIN thidua.rounds r ON r.id = n.round_id
            WHERE n.state = 'verified' AND NOT r.required_dossier_kinds <@ ARRAY(
                SELECT a.dossier_kind FROM thidua.nomination_attachments a WHERE a.nomination_id = n.id)
            """).single()!
        #expect(try incomplete.decode(Int.self, at: 0) == 0)
        let documents = try await demo.superuser("SELECT file_name, content FROM thidua.nomination_attachments")
        #expect(documents.count == demo.summary.documents)
        for row in documents {
            let fileName = try row.decode(String.self, at: 0)
            #expect(fileName.hasSuffix(".pdf") && fileName.unicodeScalars.contains { !$0.isASCII })
            #expect(try row.decode(Data.self, at: 1).starts(with: Data("%PDF-1.4".utf8)))
        }
    }

    @Test("names, titles, achievements and file names are NFC")
    func textIsNFC() async throws {
        let demo = try await Self.demo.value
        let rows = try await demo.superuser("""
            SELECT nominee_name FROM thidua.nominations UNION ALL SELECT title FROM thidua.nominations
            UNION ALL SELECT achievements FROM thidua.nominations UNION ALL SELECT name FROM thidua.nominees
            UNION ALL SELECT file_name FROM thidua.nomination_attachments
            """)
        for row in rows {
            let text = try row.decode(String.self, at: 0)
            #expect(text == text.precomposedStringWithCanonicalMapping, "\(text)")
        }
    }

    @Test("returned and corrected nominations show the reviewer what changed")
    func returnsShowWhatChanged() async throws {
        let demo = try await Self.demo.value
        let auditor = try await demo.actor("thanhtra")
        let returned = try await NominationRepository(store: RecordStore(pool: demo.pool)).list(NominationFilter(limit: 1000), as: auditor)
            .filter { $0.returnCount > 0 }
        let changes = try await returned.asyncMap { nomination in
            try await NominationRepository(store: RecordStore(pool: demo.pool)).changesSinceReturn(nomination.id, as: auditor)
        }
        #expect(changes.allSatisfy { $0.lastReturn?.reason?.isEmpty == false })
        #expect(changes.filter { !$0.fields.isEmpty }.count >= 4)
        #expect(zip(returned, changes).contains { $0.0.state != .returned && !$0.1.fields.isEmpty }, "some were resubmitted after correction")
    }

    @Test("a commune clerk sees only their own commune's nominations")
    func communeClerkSeesOwnCommune() async throws {
        let demo = try await Self.demo.value
        let clerk = try await demo.actor("sinchai.canbo")
        let seen = try await NominationRepository(store: RecordStore(pool: demo.pool)).list(NominationFilter(limit: 1000), as: clerk)
        let own = try await demo.superuser("""
            SELECT count(*) FROM thidua.nominations n JOIN thidua.units u ON u.id = n.unit_id WHERE u.code = 'xa-sin-chai'
            """).single()!
        #expect(!seen.isEmpty && seen.allSatisfy { $0.unitID == clerk.unitID })
        #expect(try seen.count == own.decode(Int.self, at: 0))
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
