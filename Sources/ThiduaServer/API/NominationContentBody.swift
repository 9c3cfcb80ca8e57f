import Foundation
import ThiduaCore

/// What a unit writes in a nomination (`NominationContent` in openapi.yaml); `version` may stand in for `If-Match`.
struct NominationContentBody: Decodable {
    var nomineeName: String
    var title: String?
    var achievements: String?
    var criteriaAnswers: [String: CriterionAnswer]?
    var indicators: [String: [String: Decimal]]?
    var version: Int?

    var content: NominationContent {
        NominationContent(
            nomineeName: nomineeName, title: title ?? "", achievements: achievements ?? "",
            criteriaAnswers: criteriaAnswers ?? [:], indicators: indicators ?? [:])
    }
}
