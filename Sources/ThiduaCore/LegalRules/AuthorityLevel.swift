/// A decision-maker whose powers the law lists (Law art. 80): the level of a decision series' issuer and of a
/// proposal's addressee. Raw values are the database's (`conferring_authorities.level`).
public enum AuthorityLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case provinceChairman = "province_chairman"
    case districtChairman = "district_chairman"
    case communeChairman = "commune_chairman"

    /// How the level reads on a document ("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh").
    public var vietnamese: String {
        switch self {
        case .provinceChairman: "Chủ tịch Ủy ban nhân dân tỉnh"
        case .districtChairman: "Chủ tịch Ủy ban nhân dân huyện"
        case .communeChairman: "Chủ tịch Ủy ban nhân dân xã"
        }
    }
}
