import Foundation
import ThiduaCore

/// A benchmark draft as the JSON body of `POST /api/v1/nominations`.
struct DraftBody: Encodable {
    struct Nominee: Encodable {
        var kind: NomineeKind
        var name: String
    }

    var roundID: UUID
    var movementID: UUID
    var nominee: Nominee
    var title: String
    var achievements: String
    var criteriaAnswers: [String: CriterionAnswer]
    var indicators: [String: [String: Decimal]]

    static func bytes(_ draft: NominationDraft) throws -> [UInt8] {
        guard case .new(let nominee) = draft.nominee else { throw BenchFailure.http("a benchmark draft registers a new nominee") }
        let body = DraftBody(
            roundID: draft.roundID, movementID: draft.movementID, nominee: Nominee(kind: nominee.kind, name: nominee.name),
            title: draft.content.title, achievements: draft.content.achievements,
            criteriaAnswers: draft.content.criteriaAnswers, indicators: draft.content.indicators)
        return Array(try JSONEncoder().encode(body))
    }
}
