import Foundation

/// An audit event as the command line prints it: seq, time, action, who (in which role), reason, request id.
struct AuditEventLine: Decodable {
    var seq: Int
    var occurredAt: Date
    var recordType: String
    var recordID: String
    var action: String
    var actorID: UUID
    var actorRole: String
    var reason: String?
    var requestID: String?

    func line(withRecord: Bool) -> String {
        "\(seq). \(ISO8601DateFormatter().string(from: occurredAt))  \(action)"
            + (withRecord ? "  \(recordType)/\(recordID)" : "")
            + "  \(actorRole) \(actorID.uuidString.lowercased())"
            + (reason.map { "  — \($0)" } ?? "") + (requestID.map { "  [\($0)]" } ?? "")
    }
}
