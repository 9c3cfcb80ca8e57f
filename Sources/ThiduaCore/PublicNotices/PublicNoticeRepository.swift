import Foundation
import Postgres

/// Public notices before a commendation (LAW.md "Public notice"; migration 0010): the secretariat opens one for
/// a nomination and a form that requires it, objections and comments are recorded as they arrive, and the
/// secretariat closes it with an outcome once the period has run. PostgreSQL keeps the nomination from the
/// council while a notice runs or after an objection was upheld, and from signing until the form's notice
/// ended without one. Every change is one audited transaction.
///
/// ```swift
/// let notices = PublicNoticeRepository(store: store)
/// let notice = try await notices.open(nominationID, form: "xa-tieu-bieu", channel: "Cổng thông tin điện tử huyện",
///                                     from: day("2024-11-04"), by: secretary)           // ends 2024-11-18
/// _ = try await notices.record(.objection, on: notice.id, objector: "Nguyễn Văn A", content: "…",
///                              receivedOn: day("2024-11-06"), by: clerk)
/// _ = try await notices.close(notice.id, version: notice.version, outcome: .objectionsDismissed,
///                             reason: "Đã xác minh: ý kiến không có cơ sở", by: secretary)
/// ```
public struct PublicNoticeRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Opens a notice from `start`; it ends after the form's working days unless `end` is given (a longer
    /// posting; never a shorter one). Only for a nomination between submission and the decision: PostgreSQL
    /// refuses any other (TD037), which is ``ThiduaError/noticeNotOpenable(_:)`` with the nomination's state.
    public func open(
        _ nominationID: UUID, form: String, channel: String, from start: Date, until end: Date? = nil, by actor: Actor
    ) async throws -> PublicNotice {
        let capacity = try Policy.permit(actor, .run)
        guard let channel = Text.cleaned(channel) else {
            throw ThiduaError.invalid(field: "channel", vietnamese: "Phải nêu hình thức công khai (cổng thông tin, niêm yết tại trụ sở…).",
                                      english: "A notice needs its channel.")
        }
        return try await store.write(actor, capacity, action: "notice.open") { connection in
            guard try await connection.query("SELECT FROM thidua.nominations WHERE id = \(nominationID)").single() != nil else {
                throw ThiduaError.notFound("hồ sơ đề nghị / nomination")
            }
            let row = try await connection.query("""
                INSERT INTO thidua.public_notices (area_id, nomination_id, unit_id, form_code, channel, starts_on, ends_on, opened_by)
                SELECT n.area_id, n.id, n.unit_id, \(form), \(channel), \(start)::date, \(end)::date, \(actor.userID)
                FROM thidua.nominations n WHERE n.id = \(nominationID)
                RETURNING \(sql: PublicNotice.columns)
                """).single()!
            return try PublicNotice(row: row, objections: [])
        }
    }

    /// Records an objection or comment the notice received on `day`, from `objector`.
    public func record(
        _ kind: ObjectionKind, on noticeID: UUID, objector: String, content: String, receivedOn day: Date, by actor: Actor
    ) async throws -> NoticeObjection {
        try Policy.permit(actor, NoticeAction.viewNotices)
        guard let objector = Text.cleaned(objector) else {
            throw ThiduaError.invalid(field: "objector", vietnamese: "Phải ghi người (hoặc tổ chức) nêu ý kiến.",
                                      english: "Name who raised it.")
        }
        guard let content = Text.cleaned(content) else {
            throw ThiduaError.invalid(field: "content", vietnamese: "Phải ghi nội dung ý kiến.", english: "The content is required.")
        }
        return try await store.write(actor, nil, action: "notice.record") { connection in
            // The capacity depends on the notice's unit, read as the actor: one they cannot see is not found.
            guard let notice = try await connection.query("SELECT unit_id FROM thidua.public_notices WHERE id = \(noticeID)").single() else {
                throw ThiduaError.notFound("đợt công khai / public notice")
            }
            RecordStore.act(in: try Policy.permit(actor, .record(unitID: try notice.decode(column: "unit_id"))), on: connection)
            return try await connection.query("""
                INSERT INTO thidua.notice_objections (notice_id, area_id, unit_id, kind, objector, received_on, content, recorded_by)
                SELECT p.id, p.area_id, p.unit_id, \(kind.rawValue), \(objector), \(day)::date, \(content), \(actor.userID)
                FROM thidua.public_notices p WHERE p.id = \(noticeID)
                RETURNING \(sql: NoticeObjection.columns)
                """).map(NoticeObjection.init(row:))[0]
        }
    }

    /// Closes a notice that has run with its outcome. Settling objections (dismissed or upheld) needs the reason.
    public func close(_ noticeID: UUID, version: Int, outcome: NoticeOutcome, reason: String? = nil, by actor: Actor) async throws -> PublicNotice {
        let capacity = try Policy.permit(actor, .run)
        let reason = Text.cleaned(reason)
        if outcome != .noObjection && reason == nil { throw ThiduaError.reasonRequired }
        return try await store.write(actor, capacity, action: "notice.close", reason: reason) { connection in
            let rows = try await connection.query("""
                UPDATE thidua.public_notices SET outcome = \(outcome.rawValue), closed_by = \(actor.userID), version = version + 1
                WHERE id = \(noticeID) AND version = \(version) AND outcome IS NULL
                RETURNING id
                """)
            guard try rows.single() == nil else { return try await Self.load(noticeID, on: connection) }
            guard let current = try await connection.query("""
                SELECT version, outcome FROM thidua.public_notices WHERE id = \(noticeID)
                """).single() else { throw ThiduaError.notFound("đợt công khai / public notice") }
            if try current.decode(String?.self, column: "outcome") != nil { throw ThiduaError.noticeClosed }
            throw ThiduaError.staleVersion(expected: version, current: try current.decode(column: "version"))
        }
    }

    /// One notice with what it received.
    public func notice(_ noticeID: UUID, as actor: Actor) async throws -> PublicNotice {
        try Policy.permit(actor, NoticeAction.viewNotices)
        return try await store.read(actor) { connection in try await Self.load(noticeID, on: connection) }
    }

    /// The notices the actor may see, newest first: of one nomination, and only those still running when asked.
    public func notices(nomination nominationID: UUID? = nil, runningOnly: Bool = false, as actor: Actor) async throws -> [PublicNotice] {
        try Policy.permit(actor, NoticeAction.viewNotices)
        return try await store.read(actor) { connection in
            let rows = try await connection.query("""
                SELECT \(sql: PublicNotice.columns) FROM thidua.public_notices
                WHERE (\(nominationID)::uuid IS NULL OR nomination_id = \(nominationID)) AND (NOT \(runningOnly) OR outcome IS NULL)
                ORDER BY starts_on DESC, id
                """)
            let ids = try rows.map { try $0.decode(UUID.self, column: "id") }
            let objections = Dictionary(grouping: try await connection.query("""
                SELECT \(sql: NoticeObjection.columns) FROM thidua.notice_objections WHERE notice_id = ANY (\(ids))
                ORDER BY received_on, recorded_at, id
                """).map(NoticeObjection.init(row:)), by: \.noticeID)
            return try rows.map { try PublicNotice(row: $0, objections: objections[try $0.decode(UUID.self, column: "id")] ?? []) }
        }
    }

    private static func load(_ noticeID: UUID, on connection: PostgresConnection) async throws -> PublicNotice {
        guard let row = try await connection.query("""
            SELECT \(sql: PublicNotice.columns) FROM thidua.public_notices WHERE id = \(noticeID)
            """).single() else { throw ThiduaError.notFound("đợt công khai / public notice") }
        let objections = try await connection.query("""
            SELECT \(sql: NoticeObjection.columns) FROM thidua.notice_objections WHERE notice_id = \(noticeID)
            ORDER BY received_on, recorded_at, id
            """).map(NoticeObjection.init(row:))
        return try PublicNotice(row: row, objections: objections)
    }
}
