import Foundation
import Postgres

/// A consecutive-year rule (LAW.md: provincial Chiến sĩ thi đua after 3 consecutive Chiến sĩ thi đua cơ sở;
/// national after 2 consecutive provincial ones), stored as data with its dates and basis (migration 0011).
/// Only commendation types that count toward higher awards are ever counted — the database refuses a rule
/// counting `by_movement` or `ad_hoc` awards (Nghị định 152/2025/NĐ-CP, art. 4).
public struct EligibilityRule: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var code: String
    public var targetForm: String
    /// Any of these, in a year, makes that year count.
    public var requiredForms: [String]
    public var consecutiveYears: Int
    public var countedTypes: [CommendationType]
    /// How many years the as-of date may lie after the run's last year (an assumption, see `verification`).
    public var lapseYears: Int
    /// Years up to a conferral of the target form are used up by it (an assumption, see `verification`).
    public var restartsAfterTarget: Bool
    public var validFrom: Date
    public var validTo: Date?
    public var legalBasis: String
    public var verification: RuleVerification
    public var note: String?

    static let columns: StaticString = """
        id, code, target_form_code, required_form_codes, consecutive_years, counted_types, lapse_years, restarts_after_target,
        valid_from, valid_to, legal_basis, verification, note
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        code = try row.decode(column: "code")
        targetForm = try row.decode(column: "target_form_code")
        requiredForms = try row.decode([String].self, column: "required_form_codes")
        consecutiveYears = try row.decode(column: "consecutive_years")
        countedTypes = try row.decode([String].self, column: "counted_types").compactMap(CommendationType.init(rawValue:))
        lapseYears = try row.decode(column: "lapse_years")
        restartsAfterTarget = try row.decode(column: "restarts_after_target")
        validFrom = try row.decode(column: "valid_from")
        validTo = try row.decode(Date?.self, column: "valid_to")
        legalBasis = try row.decode(column: "legal_basis")
        verification = try row.decodeEnum(column: "verification")
        note = try row.decode(String?.self, column: "note")
    }
}
