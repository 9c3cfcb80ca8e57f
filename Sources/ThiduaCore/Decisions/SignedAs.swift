/// How a decision was signed: by the chairman in person, or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" by a deputy under a
/// ký thay delegation of the chairman role (``DelegationStyle/onBehalf``). Raw values are the database's.
public enum SignedAs: String, Sendable, Hashable, CaseIterable, Codable {
    case inPerson = "in_person"
    case onBehalf = "KT"
}
