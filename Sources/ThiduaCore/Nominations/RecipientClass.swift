/// Who a recipient is, as Thông tư 02/2023/TT-BNV's report 0603.N counts awards: collectives (of which
/// enterprises), households, and individuals by class. Recorded with the nominee where the unit knows it; it
/// must fit the nominee's kind. Raw values are the database's.
public enum RecipientClass: String, Sendable, Hashable, CaseIterable, Codable {
    case enterprise
    case otherCollective = "other_collective"
    case household
    /// Lãnh đạo, quản lý.
    case leader
    /// Doanh nhân.
    case businessPerson = "business_person"
    /// Công nhân, nông dân, người lao động trực tiếp.
    case workerOrFarmer = "worker_or_farmer"
    case otherIndividual = "other_individual"

    public var vietnamese: String {
        switch self {
        case .enterprise: "Doanh nghiệp"
        case .otherCollective: "Tập thể khác"
        case .household: "Hộ gia đình"
        case .leader: "Lãnh đạo, quản lý"
        case .businessPerson: "Doanh nhân"
        case .workerOrFarmer: "Công nhân, nông dân, người lao động trực tiếp"
        case .otherIndividual: "Cá nhân khác"
        }
    }

    /// The nominee kinds the class fits (a locality counts as a collective).
    public var nomineeKinds: Set<NomineeKind> {
        switch self {
        case .enterprise: [.collective]
        case .otherCollective: [.collective, .locality]
        case .household: [.household]
        case .leader, .businessPerson, .workerOrFarmer, .otherIndividual: [.individual]
        }
    }

    /// The class a nominee's kind alone determines: a household is one, a locality a collective.
    public static func implied(by kind: NomineeKind) -> RecipientClass? {
        switch kind {
        case .household: .household
        case .locality: .otherCollective
        case .collective, .individual: nil
        }
    }
}
