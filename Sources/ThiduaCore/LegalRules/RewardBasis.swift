import Foundation

/// What a decision item's reward rested on, copied from the coefficient and base-salary rows in force on the
/// decision's date when the item was added (0022): the legal basis of each and how far it is verified. Kept on
/// the item, so a later correction of the law tables changes neither the figure nor what it was computed under.
/// Items added before 0022 have a ``Reward`` but no basis.
public struct RewardBasis: Sendable, Hashable, Codable {
    /// "Nghị định 91/2017/NĐ-CP, điều 73 khoản 1 điểm d …".
    public var coefficient: String
    public var coefficientVerification: RuleVerification
    /// "Nghị định 73/2024/NĐ-CP".
    public var baseSalary: String
    public var baseSalaryVerification: RuleVerification

    public init(coefficient: String, coefficientVerification: RuleVerification, baseSalary: String, baseSalaryVerification: RuleVerification) {
        self.coefficient = coefficient
        self.coefficientVerification = coefficientVerification
        self.baseSalary = baseSalary
        self.baseSalaryVerification = baseSalaryVerification
    }
}
