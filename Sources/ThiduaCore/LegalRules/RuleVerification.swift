/// How far a legal rule stored as data is checked against its text (LAW.md's [V], [P], [U]). Only verified
/// rows are the law as read; the others are assumptions an administrator confirms or corrects.
public enum RuleVerification: String, Sendable, Hashable, CaseIterable, Codable {
    case verified
    case partly
    case unverified
}
