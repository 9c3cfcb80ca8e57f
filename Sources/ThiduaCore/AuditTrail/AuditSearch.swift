import Foundation

/// What an auditor looks for in the trail (issue 16 item 3): each part optional, all given parts together.
/// Text is matched without diacritics and case, anywhere in the name, so "lo van pang" finds "Lò Văn Pâng".
///
/// ```swift
/// let page = try await trail.search(AuditSearch(user: "sinchai.canbo", from: start, to: end), as: auditor)
/// let older = try await trail.search(AuditSearch(user: "sinchai.canbo", before: page.nextBefore), as: auditor)
/// ```
public struct AuditSearch: Sendable, Hashable {
    /// A nomination by its nominee's name: the events of its whole timeline (``AuditTrail/timeline(ofNomination:as:)``).
    public var record: String?
    /// A user by full name or username: what they did, themselves or for someone under a delegation.
    public var user: String?
    /// A unit by name or code: what its people did, and what was done to its records.
    public var unit: String?
    /// From this moment (inclusive).
    public var from: Date?
    /// Until this moment (exclusive).
    public var to: Date?
    /// Only events older than this one: the next page of a search, newest first.
    public var before: Int64?
    /// Events per page.
    public var limit: Int

    public init(
        record: String? = nil, user: String? = nil, unit: String? = nil, from: Date? = nil, to: Date? = nil,
        before: Int64? = nil, limit: Int = 50
    ) {
        self.record = Self.cleaned(record)
        self.user = Self.cleaned(user)
        self.unit = Self.cleaned(unit)
        self.from = from
        self.to = to
        self.before = before
        self.limit = min(max(limit, 1), 500)
    }

    /// Trimmed, NFC (a name typed with combining marks matches the stored precomposed one), nil when blank.
    private static func cleaned(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text.precomposedStringWithCanonicalMapping
    }

    /// `text` as a `LIKE` pattern matching it anywhere, its own `%`, `_` and `\` taken literally.
    static func containing(_ text: String) -> String {
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%\(escaped)%"
    }
}
