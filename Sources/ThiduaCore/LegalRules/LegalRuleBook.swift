/// The whole law table at once, every row with its dates, basis and verification, read in one transaction so
/// an administrator's change is either all in it or not at all.
public struct LegalRuleBook: Sendable, Hashable, Codable {
    public var forms: [CommendationForm]
    public var commendationTypes: [CommendationTypeRule]
    public var authorities: [ConferringAuthority]
    public var rewardCoefficients: [RewardCoefficient]
    public var baseSalaries: [BaseSalary]
}
