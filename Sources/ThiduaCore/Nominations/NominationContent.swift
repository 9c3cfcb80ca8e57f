import Foundation

/// What a unit writes in a nomination and may change while it is a draft or returned.
public struct NominationContent: Sendable, Hashable {
    public var nomineeName: String
    public var title: String
    public var achievements: String
    public var criteriaAnswers: [String: CriterionAnswer]
    public var indicators: [String: [String: Decimal]]

    public init(
        nomineeName: String, title: String = "", achievements: String = "",
        criteriaAnswers: [String: CriterionAnswer] = [:], indicators: [String: [String: Decimal]] = [:]
    ) {
        self.nomineeName = nomineeName
        self.title = title
        self.achievements = achievements
        self.criteriaAnswers = criteriaAnswers
        self.indicators = indicators
    }

    /// NFC throughout, names trimmed; refuses what the movement does not define.
    func validated(for movement: Movement) throws(ThiduaError) -> NominationContent {
        guard let name = Text.cleaned(nomineeName) else {
            throw .invalid(field: "nomineeName", vietnamese: "Phải có tên người, tập thể hoặc địa phương được đề nghị.",
                           english: "The nominee's name is required.")
        }
        let knownCriteria = Set(movement.criteria.map(\.code))
        if let unknown = criteriaAnswers.keys.sorted().first(where: { !knownCriteria.contains($0) }) {
            throw .invalid(field: "criteriaAnswers.\(unknown)", vietnamese: "Phong trào không có tiêu chí “\(unknown)”.",
                           english: "The movement has no criterion \(unknown).")
        }
        let knownIndicators = Set(movement.indicators.map(\.code))
        if let unknown = indicators.keys.sorted().first(where: { !knownIndicators.contains($0) }) {
            throw .invalid(field: "indicators.\(unknown)", vietnamese: "Phong trào không có chỉ số “\(unknown)”.",
                           english: "The movement has no indicator \(unknown).")
        }
        return NominationContent(
            nomineeName: name,
            title: Text.cleaned(title) ?? "",
            achievements: Text.cleaned(achievements) ?? "",
            criteriaAnswers: criteriaAnswers.mapValues { CriterionAnswer(met: $0.met, evidence: Text.cleaned($0.evidence) ?? "") },
            indicators: indicators
        )
    }
}
