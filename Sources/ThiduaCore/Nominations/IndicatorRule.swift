import Foundation

/// Checks a nomination's figures against its movement's rules, such as an enterprise's revenue, tax and
/// profit "each year above the one before" (PLAN.md §5, 2.2.1). Pure: the reviewer sees the findings.
public enum IndicatorRule {
    /// One figure that breaks its rule.
    public struct Finding: Sendable, Hashable {
        public var indicator: String
        public var year: String
        public var vietnamese: String
    }

    public static func findings(for figures: [String: [String: Decimal]], in movement: Movement) -> [Finding] {
        movement.indicators.filter { $0.rule == "rising" }.flatMap { indicator -> [Finding] in
            let years = (figures[indicator.code] ?? [:]).sorted { $0.key < $1.key }
            return zip(years, years.dropFirst()).compactMap { previous, current in
                guard current.value <= previous.value else { return nil }
                return Finding(
                    indicator: indicator.code, year: current.key,
                    vietnamese: "\(indicator.name) năm \(current.key) (\(current.value)) không cao hơn năm \(previous.key) (\(previous.value)).")
            }
        }
    }
}
