import Foundation

/// A reward as a decision stores it: the coefficient and the base salary in force on the decision's date, and
/// the amount computed from them (rounded to the đồng), so the figure can be checked against its rule forever.
public struct Reward: Sendable, Hashable, Codable {
    public var coefficient: Decimal
    public var baseSalary: Int64
    public var amount: Int64

    public init(coefficient: Decimal, baseSalary: Int64, amount: Int64) {
        self.coefficient = coefficient
        self.baseSalary = baseSalary
        self.amount = amount
    }
}
