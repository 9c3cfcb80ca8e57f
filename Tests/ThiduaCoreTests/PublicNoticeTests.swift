import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The public notice some forms require (LAW.md "Public notice": Xã tiêu biểu, 10 working days): it keeps a
/// nomination from the council while it runs or after an objection was upheld, and from signing until it ended
/// without one — in PostgreSQL, whatever the repositories do.
@Suite("PublicNoticeTests")
struct PublicNoticeTests {
    typealias Person = RecordsWorld.Person

    static let portal = "Cổng thông tin điện tử huyện"

    @Test("while a notice runs the council cannot take the nomination and it cannot be closed; nothing changes")
    func councilWaitsForTheRunningNotice() async throws {
        let f = try await DecisionFixture.make()
        let nomination = try await Self.verifiedLocality("Xã Thử Nghiệm B", f)
        let notice = try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[.secretary])
        #expect(notice.endsOn == day(try await Self.sqlDay("thidua.add_working_days(current_date, 10)", f)))
        #expect(notice.outcome == nil && notice.objections.isEmpty)

        await #expect(throws: ThiduaError.noticePending) {
            try await f.council.council.open(round: f.world.round, title: "Phiên họp", nominations: [nomination.id], by: f[.secretary])
        }
        await #expect(throws: ThiduaError.noticePending) {
            try await f.notices.close(notice.id, version: notice.version, outcome: .noObjection, by: f[.secretary])
        }
        #expect(try await f.world.nominations.get(nomination.id, as: f[.secretary]).state == .verified)
        #expect(try await Self.count("SELECT count(*) FROM thidua.council_sessions", f) == 0)
        #expect(try await f.notices.notice(notice.id, as: f[.secretary]) == notice)
        // A second running notice for the same nomination and form is refused.
        await #expect(throws: ThiduaError.duplicate(field: "public_notices_one_running")) {
            try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: "Niêm yết tại trụ sở UBND xã", from: Self.today, by: f[.secretary])
        }
        // A form with no notice rule takes none; a notice shorter than the law's working days is refused.
        let short = await #expect(throws: ThiduaError.self) {
            try await f.notices.open(nomination.id, form: "lao-dong-tien-tien", channel: Self.portal, from: Self.today,
                                     until: Self.today.addingTimeInterval(3 * 86_400), by: f[.secretary])
        }
        #expect(short?.code == "invalid", "a form with no notice rule takes no notice")
        let shorter = await #expect(throws: ThiduaError.self) {
            try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today,
                                     until: Self.today.addingTimeInterval(3 * 86_400), by: f[.secretary])
        }
        #expect(Self.field(of: shorter) == "public_notices_period")
        #expect(try await f.notices.notices(nomination: nomination.id, as: f[.secretary]).map(\.id) == [notice.id])
    }

    @Test("a notice is opened only between submission and the decision: a draft or a withdrawn nomination is a state error (TD037), not a refusal")
    func noticeOnlyForANominationUnderReview() async throws {
        let f = try await DecisionFixture.make()
        let draft = try await f.world.nominations.create(f.world.draft(name: "Xã Chưa Gửi"), by: f[.clerkB])
        await #expect(throws: ThiduaError.noticeNotOpenable(.draft)) {
            try await f.notices.open(draft.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[.secretary])
        }
        try await f.world.completeDossier(of: draft.id, by: f[.clerkB])
        let submitted = try await f.world.nominations.perform(.submit, on: draft.id, version: draft.version, by: f[.headB])
        _ = try await f.world.nominations.perform(.withdraw, on: submitted.id, version: submitted.version, by: f[.headB])
        let withdrawn = await #expect(throws: ThiduaError.self) {
            try await f.notices.open(draft.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[.secretary])
        }
        #expect(withdrawn == .noticeNotOpenable(.withdrawn) && withdrawn?.code == "notice_not_openable")
        #expect(withdrawn?.english.contains("withdrawn") == true && withdrawn?.vietnamese.contains(NominationState.withdrawn.vietnamese) == true)
        // In PostgreSQL, whatever the repository does: a state error of its own, not TD002's "the database refused".
        let sql: PostgresQuery = """
            INSERT INTO thidua.public_notices (area_id, nomination_id, unit_id, form_code, channel, starts_on, opened_by)
            VALUES ('test/huyen', \(draft.id), \(f.world.communeB), 'xa-tieu-bieu', 'Cổng thông tin', current_date, \(f[.secretary].userID))
            """
        #expect(try await f.refusal(of: sql, as: f[.secretary], in: .secretariat) == "TD037")
        #expect(try await Self.count("SELECT count(*) FROM thidua.public_notices", f) == 0)
        // Who may open one is still a refusal of its own: a unit's head is denied before the state is looked at.
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
            try await f.notices.open(draft.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[.headB])
        }
    }

    @Test("a form needing a notice is not signed without one, nor while it runs; after it ended without an objection upheld it is")
    func signingWaitsForTheNotice() async throws {
        let f = try await DecisionFixture.make()
        let waiting = try await Self.verifiedLocality("Xã Chờ Công Khai", f)
        let ended = try await Self.verifiedLocality("Xã Đã Công Khai", f)
        _ = try await f.approve([waiting.id, ended.id])

        // No notice at all: the proposal is drafted, but not signed.
        let first = try await f.draft([DecisionItemDraft(nominationID: waiting.id, form: "xa-tieu-bieu", type: .merit)],
                                      on: Self.todayText, proposalTo: .provinceChairman)
        await #expect(throws: ThiduaError.noticePending) { try await f.decisions.sign(first.id, version: first.version, by: f[.chairman]) }
        // A notice running today: still not.
        _ = try await f.notices.open(waiting.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[.secretary])
        await #expect(throws: ThiduaError.noticePending) { try await f.decisions.sign(first.id, version: first.version, by: f[.chairman]) }
        #expect(try await f.decisions.decision(first.id, as: f[.secretary]).state == .draft)
        #expect(try await f.world.nominations.get(waiting.id, as: f[.secretary]).state == .approved)

        // A notice posted 30 days ago has run: an objection found groundless, it closes and the proposal is signed.
        var notice = try await f.notices.open(ended.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.daysAgo(30), by: f[.secretary])
        _ = try await f.notices.record(.objection, on: notice.id, objector: "Nguyễn Văn A, thôn Háng Á",
                                       content: "Đường liên thôn chưa hoàn thành như báo cáo.", receivedOn: Self.daysAgo(25), by: f[.clerkB])
        let unsettled = await #expect(throws: ThiduaError.self) {
            try await f.notices.close(notice.id, version: notice.version, outcome: .noObjection, by: f[.secretary])
        }
        #expect(Self.field(of: unsettled) == "public_notices_outcome")
        notice = try await f.notices.close(notice.id, version: notice.version, outcome: .objectionsDismissed,
                                           reason: "Đã kiểm tra thực địa: đường đã hoàn thành", by: f[.secretary])
        #expect(notice.outcome == .objectionsDismissed && notice.closedBy == f.world.users[.secretary] && notice.objections.count == 1)
        let second = try await f.draft([DecisionItemDraft(nominationID: ended.id, form: "xa-tieu-bieu", type: .merit)],
                                       on: Self.todayText, proposalTo: .provinceChairman)
        let signed = try await f.decisions.sign(second.id, version: second.version, by: f[.chairman])
        #expect(signed.state == .signed)
    }

    @Test("an objection upheld stops the nomination: not before the council, not in a decision, no new notice")
    func upheldObjectionBlocks() async throws {
        let f = try await DecisionFixture.make()
        let verified = try await Self.verifiedLocality("Xã Bị Phản Ánh", f)
        let approved = try await Self.verifiedLocality("Xã Đã Duyệt", f)
        _ = try await f.approve([approved.id])
        for nomination in [verified, approved] {
            let notice = try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.daysAgo(30), by: f[.secretary])
            _ = try await f.notices.record(.objection, on: notice.id, objector: "Hội Cựu chiến binh xã",
                                           content: "Tỷ lệ hộ nghèo báo cáo không đúng thực tế.", receivedOn: Self.daysAgo(20), by: f[.secretary])
            await #expect(throws: ThiduaError.reasonRequired) {
                try await f.notices.close(notice.id, version: notice.version, outcome: .objectionsUpheld, by: f[.secretary])
            }
            _ = try await f.notices.close(notice.id, version: notice.version, outcome: .objectionsUpheld,
                                          reason: "Xác minh đúng: tỷ lệ hộ nghèo 12%, không phải 4%", by: f[.secretary])
            await #expect(throws: ThiduaError.noticePending) {
                try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[.secretary])
            }
        }
        await #expect(throws: ThiduaError.noticePending) {
            try await f.council.council.open(round: f.world.round, title: "Phiên họp", nominations: [verified.id], by: f[.secretary])
        }
        let proposal = try await f.draft([DecisionItemDraft(nominationID: approved.id, form: "xa-tieu-bieu", type: .merit)],
                                         on: Self.todayText, proposalTo: .provinceChairman)
        await #expect(throws: ThiduaError.noticePending) { try await f.decisions.sign(proposal.id, version: proposal.version, by: f[.chairman]) }
        #expect(try await f.world.nominations.get(verified.id, as: f[.secretary]).state == .verified)
        #expect(try await f.world.nominations.get(approved.id, as: f[.secretary]).state == .approved)
    }

    @Test("a closed notice takes no objections or comments, through the repository or in SQL as the application role")
    func closedNoticeTakesNoObjections() async throws {
        let f = try await DecisionFixture.make()
        let nomination = try await Self.verifiedLocality("Xã Đã Đóng", f)
        var notice = try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.daysAgo(30), by: f[.secretary])
        _ = try await f.notices.record(.comment, on: notice.id, objector: "Bà Giàng Thị Dua", content: "Đồng tình, xã làm đường rất tốt.",
                                       receivedOn: Self.daysAgo(28), by: f[.headB])
        // A comment is kept, not settled: the notice closes with no objection.
        notice = try await f.notices.close(notice.id, version: notice.version, outcome: .noObjection, by: f[.secretary])
        await #expect(throws: ThiduaError.noticeClosed) {
            try await f.notices.record(.objection, on: notice.id, objector: "Người đến muộn", content: "Phản ánh sau hạn.",
                                       receivedOn: Self.today, by: f[.secretary])
        }
        await #expect(throws: ThiduaError.noticeClosed) {
            try await f.notices.close(notice.id, version: notice.version, outcome: .noObjection, by: f[.secretary])
        }
        let sql: PostgresQuery = """
            INSERT INTO thidua.notice_objections (notice_id, area_id, unit_id, objector, received_on, content, recorded_by)
            VALUES (\(notice.id), 'test/huyen', \(f.world.communeB), 'Người đến muộn', current_date, 'Phản ánh sau hạn.', \(f[.secretary].userID))
            """
        #expect(try await f.refusal(of: sql, as: f[.secretary], in: .secretariat) == "TD036")
        #expect(try await f.notices.notice(notice.id, as: f[.secretary]).objections.map(\.kind) == [.comment])
        // Closed, no objection upheld: the council takes the nomination.
        let session = try await f.council.council.open(round: f.world.round, title: "Phiên họp", nominations: [nomination.id], by: f[.secretary])
        #expect(session.items.map(\.nominationID) == [nomination.id])
    }

    @Test("only the secretariat opens and closes notices: others are refused by the policy and by PostgreSQL as the application role")
    func onlyTheSecretariatRunsNotices() async throws {
        let f = try await DecisionFixture.make()
        let nomination = try await Self.verifiedLocality("Xã Phân Quyền", f)
        let before = try await Self.count("SELECT count(*) FROM thidua.public_notices", f)
        for person in [Person.clerkB, .headB, .leadHead, .member, .chairman, .admin] {
            await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat])), "\(person)") {
                try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[person])
            }
        }
        await #expect(throws: ThiduaError.denied(.readOnly)) {
            try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.today, by: f[.auditor])
        }
        let insert: PostgresQuery = """
            INSERT INTO thidua.public_notices (area_id, nomination_id, unit_id, form_code, channel, starts_on, ends_on, opened_by)
            VALUES ('test/huyen', \(nomination.id), \(f.world.communeB), 'xa-tieu-bieu', 'Niêm yết', current_date, current_date + 30, \(f[.headB].userID))
            """
        for (person, role) in [(Person.headB, Role.unitHead), (.clerkB, .unitClerk), (.chairman, .chairman), (.auditor, .auditor)] {
            let state = try await f.refusal(of: insert, as: f[person], in: role)
            #expect(state == "TD008" || state == "42501", "\(person): \(state ?? "accepted")")
        }
        #expect(try await Self.count("SELECT count(*) FROM thidua.public_notices", f) == before)

        let notice = try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.daysAgo(30), by: f[.secretary])
        await #expect(throws: ThiduaError.denied(.roleRequired([.secretariat]))) {
            try await f.notices.close(notice.id, version: notice.version, outcome: .noObjection, by: f[.headB])
        }
        let close: PostgresQuery = "UPDATE thidua.public_notices SET outcome = 'no_objection', closed_by = \(f[.headB].userID), version = version + 1 WHERE id = \(notice.id)"
        // Row-level security hides the row from the update (nothing matched) or the guard refuses it; either way the
        // notice is unchanged, checked below.
        let closed = try await f.refusal(of: close, as: f[.headB], in: .unitHead)
        #expect(closed == "TD008" || closed == "42501" || closed == nil)
        // Another unit's clerk neither sees the notice nor records on it.
        await #expect(throws: ThiduaError.notFound("đợt công khai / public notice")) {
            try await f.notices.record(.objection, on: notice.id, objector: "X", content: "Y", receivedOn: Self.today, by: f[.clerkA])
        }
        #expect(try await f.notices.notice(notice.id, as: f[.secretary]) == notice)
    }

    @Test("opening, each objection and closing leave exactly one audit event each, under the action's name")
    func everyChangeIsAuditedOnce() async throws {
        let f = try await DecisionFixture.make()
        let nomination = try await Self.verifiedLocality("Xã Nhật Ký", f)
        var events = try await Self.count("SELECT count(*) FROM thidua.audit_events", f)
        func expectOneMore(_ action: String, _ line: SourceLocation = #_sourceLocation) async throws {
            let now = try await Self.count("SELECT count(*) FROM thidua.audit_events", f)
            #expect(now == events + 1, sourceLocation: line)
            let last = try await f.world.superuser { try await $0.query("SELECT action FROM thidua.audit_events ORDER BY id DESC LIMIT 1").single()!.decode(String.self, at: 0) }
            #expect(last == action, sourceLocation: line)
            events = now
        }
        var notice = try await f.notices.open(nomination.id, form: "xa-tieu-bieu", channel: Self.portal, from: Self.daysAgo(30), by: f[.secretary])
        try await expectOneMore("notice.open")
        let objection = try await f.notices.record(.objection, on: notice.id, objector: "Ông Thào A Chu", content: "Số liệu thu nhập chưa đúng.",
                                                   receivedOn: Self.daysAgo(27), by: f[.clerkB])
        try await expectOneMore("notice.record")
        notice = try await f.notices.close(notice.id, version: notice.version, outcome: .objectionsDismissed,
                                           reason: "Số liệu khớp báo cáo thống kê", by: f[.secretary])
        try await expectOneMore("notice.close")
        let history = try await f.world.audit.history(of: "public_notices", id: notice.id.uuidString.lowercased(), as: f[.auditor])
        #expect(history.map(\.action) == ["notice.open", "notice.close"])
        #expect(history.last?.reason == "Số liệu khớp báo cáo thống kê" && history.last?.actorRole == "secretariat")
        let recorded = try await f.world.audit.history(of: "notice_objections", id: objection.id.uuidString.lowercased(), as: f[.auditor])
        #expect(recorded.map(\.actorRole) == ["unit_clerk"])
    }

    // MARK: - Helpers

    static func field(of error: ThiduaError?) -> String? {
        guard case .invalid(let field, _, _) = error else { return nil }
        return field
    }

    static var today: Date { day(todayText) }

    static var todayText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    static func daysAgo(_ days: Int) -> Date { today.addingTimeInterval(-Double(days) * 86_400) }

    /// A commune B locality nomination (a commune proposed for Xã tiêu biểu) taken to `verified`.
    static func verifiedLocality(_ name: String, _ f: DecisionFixture) async throws -> Nomination {
        try await f.world.asInstaller { connection in
            _ = try await connection.query("""
                UPDATE thidua.movements SET nominee_kinds = nominee_kinds || '{locality}'
                WHERE id = \(f.world.movement) AND NOT 'locality' = ANY (nominee_kinds)
                """)
        }
        var draft = f.world.draft(name: name)
        draft.nominee = .new(NewNominee(kind: .locality, name: name))
        var nomination = try await f.world.nominations.create(draft, by: f[.clerkB])
        try await f.world.completeDossier(of: nomination.id, by: f[.clerkB])
        nomination = try await f.world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: f[.headB])
        nomination = try await f.world.nominations.perform(.endorse, on: nomination.id, version: nomination.version, by: f[.leadHead])
        return try await f.world.nominations.perform(.verify, on: nomination.id, version: nomination.version, by: f[.secretary])
    }

    static func count(_ sql: PostgresQuery, _ f: DecisionFixture) async throws -> Int {
        try await f.world.superuser { try await $0.query(sql).single()!.decode(Int.self, at: 0) }
    }

    static func sqlDay(_ expression: String, _ f: DecisionFixture) async throws -> String {
        try await f.world.superuser {
            try await $0.query(PostgresQuery(unsafeSQL: "SELECT (\(expression))::text")).single()!.decode(String.self, at: 0)
        }
    }
}
