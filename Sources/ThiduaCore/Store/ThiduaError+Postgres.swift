import Foundation
import Postgres

extension ThiduaError {
    /// The refusals PostgreSQL raises on the application's behalf (constraints, the guards of 0004), as
    /// typed errors; `nil` for anything else, which is a fault and propagates as is.
    init?(_ error: PostgresError) {
        guard let server = error.serverError else { return nil }
        switch (server.sqlState, server.constraint) {
        case ("23514", "quota_usage_within_maximum"?): self = .quotaExceeded(maximum: 0)
        case ("TD003", _): self = .pastDueDate(.distantPast)
        case ("TD004", _): self = .reasonRequired
        case ("TD005", _): self = .dossierIncomplete(missing: [])
        case ("TD007", _): self = .roundNotOpen
        case ("TD020", _): self = .denied(.notOnRoster)
        case ("TD021", _): self = .denied(.recused)
        case ("TD022", _): self = .sessionClosed
        case ("TD024", _): self = .recusalAfterVote
        case ("23505", let constraint): self = .duplicate(field: constraint ?? "")
        case ("23503", let constraint): self = .notFound(constraint ?? "record")
        case ("23514", let constraint), ("22P02", let constraint), ("23502", let constraint):
            self = .invalid(field: constraint ?? "", vietnamese: "Giá trị không hợp lệ: \(server.message).", english: server.message)
        case ("42501", _), ("TD002", _), ("TD008", _): self = .denied(.roleRequired([]))
        default: return nil
        }
    }
}
