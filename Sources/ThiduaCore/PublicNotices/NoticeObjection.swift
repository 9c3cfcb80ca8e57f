import Foundation
import Postgres

/// An objection or comment a public notice received: who raised it, what it says, the day it arrived, and who
/// recorded it. Appended, never changed.
public struct NoticeObjection: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var noticeID: UUID
    public var kind: ObjectionKind
    /// As the objector gave it: a name, an organisation, "ý kiến không ký tên".
    public var objector: String
    public var content: String
    public var receivedOn: Date
    public var recordedBy: UUID
    public var recordedAt: Date

    static let columns: StaticString = "id, notice_id, kind, objector, content, received_on, recorded_by, recorded_at"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        noticeID = try row.decode(column: "notice_id")
        kind = try row.decodeEnum(column: "kind")
        objector = try row.decode(column: "objector")
        content = try row.decode(column: "content")
        receivedOn = try row.decode(column: "received_on")
        recordedBy = try row.decode(column: "recorded_by")
        recordedAt = try row.decode(column: "recorded_at")
    }
}
