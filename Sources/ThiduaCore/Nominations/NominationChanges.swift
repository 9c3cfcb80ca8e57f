import Foundation

/// What a unit changed in a returned nomination since the reviewer sent it back, field by field, and how
/// many times it has gone back and forth.
public struct NominationChanges: Sendable, Hashable, Codable {
    public var returnCount: Int
    /// The last return: when, by whom, why. `nil` if it was never returned.
    public var lastReturn: AuditEvent?
    public var fields: [FieldChange]
}

/// One field (criteria and indicators one level down: `criteria_answers.2.2.1-a`) as returned and as now,
/// in JSON.
public struct FieldChange: Sendable, Hashable, Codable {
    public var field: String
    public var returned: String?
    public var current: String?
}
