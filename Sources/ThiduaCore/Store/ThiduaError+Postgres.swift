import Foundation
import Postgres

extension ThiduaError {
    /// The refusals PostgreSQL raises on the application's behalf (constraints, the guards of 0004), as
    /// typed errors; `nil` for anything else, which is a fault and propagates as is.
    init?(_ error: PostgresError) {
        guard let server = error.serverError else { return nil }
        switch (server.sqlState, server.constraint) {
        case ("TD010", _):
            guard let maximum = Self.figure("maximum", in: server).flatMap({ Int($0) }) else { return nil }
            self = .quotaExceeded(maximum: maximum)
        case ("TD003", _):
            guard let micros = Self.figure("due_at", in: server).flatMap({ Int64($0) }) else { return nil }
            self = .pastDueDate(Date(timeIntervalSince1970: Double(micros) / 1_000_000))
        case ("TD013", _):
            guard let seconds = Self.figure("retry_after", in: server).flatMap({ Int($0) }) else { return nil }
            self = .throttled(retryAfter: seconds)
        case ("TD004", _): self = .reasonRequired
        case ("TD060", _): self = .idempotencyKeyTaken
        case ("TD005", _): self = .dossierIncomplete(missing: [])
        case ("TD007", _): self = .roundNotOpen
        case ("TD020", _): self = .denied(.notOnRoster)
        case ("TD050", _): self = .denied(.adminByInstaller)
        case ("TD051", _): self = .denied(.separateDuties)
        case ("TD052", _): self = .denied(.ownRecruit)
        case ("TD053", _): self = .denied(.privilegedPasswordReset)
        case ("TD021", _): self = .denied(.recused)
        case ("TD022", _): self = .council(.sessionClosed)
        case ("TD024", _): self = .council(.recusalAfterVote)
        case ("TD030", _): self = .notConferrable(form: Self.figure("form", in: server) ?? "", proposeTo: nil)
        case ("TD031", _):
            guard let kind = Self.figure("kind", in: server).flatMap(HoldKind.init(rawValue:)) else { return nil }
            self = .underHold(kind)
        case ("TD032", _), ("23505", "decision_items_one_per_achievement"): self = .alreadyCommended
        case ("TD033", _):
            guard let state = Self.figure("state", in: server).flatMap(DecisionState.init(rawValue:)) else { return nil }
            self = .decision(.state(state))
        case ("TD034", _): self = .noBaseSalary
        case ("TD035", _): self = .noticePending
        case ("TD036", _): self = .noticeClosed
        case ("TD037", _):
            guard let state = Self.figure("state", in: server).flatMap(NominationState.init(rawValue:)) else { return nil }
            self = .noticeNotOpenable(state)
        case ("TD040", _): self = .commendationRevoked
        case ("TD041", _):
            let field = Self.figure("field", in: server) ?? ""
            let vietnamese = field == "counted_types"
                ? "Quy tắc xét danh hiệu chỉ được tính khen thưởng theo công trạng và thành tích (khen theo đợt, chuyên đề hay đột xuất không được tính)"
                : "Quy tắc xét danh hiệu nêu một hình thức khen thưởng không có trong danh mục"
            self = .invalid(field: field, vietnamese: "\(vietnamese): \(server.message).", english: server.message)
        case ("23505", let constraint): self = .duplicate(field: constraint ?? "")
        case ("23503", let constraint): self = .notFound(constraint ?? "record")
        case ("23514", let constraint), ("22P02", let constraint), ("23502", let constraint):
            self = .invalid(field: constraint ?? "", vietnamese: "Giá trị không hợp lệ: \(server.message).", english: server.message)
        // A day that does not exist (2021-02-30), or one written so PostgreSQL cannot read it.
        case ("22007", _), ("22008", _):
            self = .invalid(field: "", vietnamese: "Ngày không hợp lệ (viết dạng yyyy-MM-dd, là một ngày có thật): \(server.message).",
                            english: "Not a valid day (write yyyy-MM-dd, a day that exists): \(server.message)")
        case ("42501", _), ("TD002", _), ("TD008", _): self = .denied(.refusedByDatabase)
        case ("TD001", _) where server.message.hasPrefix("no live session"): self = .sessionEnded
        default: return nil
        }
    }

    /// The figure a refusal of sql/ carries in its DETAIL as `key=value` (sql/README.md, "Refusals").
    private static func figure(_ key: String, in server: PostgresServerError) -> String? {
        guard let detail = server.detail, detail.hasPrefix(key + "=") else { return nil }
        return String(detail.dropFirst(key.count + 1))
    }
}
