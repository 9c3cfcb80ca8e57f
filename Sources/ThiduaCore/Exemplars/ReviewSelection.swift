import Foundation
import Postgres

/// An exemplar selected by the secretariat for a review or congress, with the reason.
public struct ReviewSelection: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var reviewID: UUID
    public var exemplarID: UUID
    public var reason: String
    public var selectedBy: UUID
    public var selectedAt: Date

    static let columns: StaticString = "id, review_id, exemplar_id, reason, selected_by, selected_at"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        reviewID = try row.decode(column: "review_id")
        exemplarID = try row.decode(column: "exemplar_id")
        reason = try row.decode(column: "reason")
        selectedBy = try row.decode(column: "selected_by")
        selectedAt = try row.decode(column: "selected_at")
    }
}
