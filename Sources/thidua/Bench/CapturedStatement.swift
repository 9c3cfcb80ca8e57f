/// One statement as the server logged it: its text, and its parameters as text (`nil` for NULL).
struct CapturedStatement: Sendable, Equatable {
    var sql: String
    var parameters: [String?]
}
