import Foundation
import ThiduaCore

/// `POST /api/v1/nominations`: where the nomination goes, who is nominated (an existing nominee by id, or a new
/// one; `name` is how this nomination writes it), and its content.
struct NominationCreateRequest: Decodable {
    struct Nominee: Decodable {
        var id: UUID?
        var kind: NomineeKind?
        var name: String?
        var personal: Personal?
        var recipientClass: RecipientClass?
    }

    struct Personal: Decodable {
        var dateOfBirth: String?
        var gender: String?
        var ethnicity: String?
        var position: String?
        var workplace: String?
    }

    var roundID: UUID
    var movementID: UUID
    var nominee: Nominee
    var title: String?
    var achievements: String?
    var criteriaAnswers: [String: CriterionAnswer]?
    var indicators: [String: [String: Decimal]]?

    func draft() throws -> NominationDraft {
        guard let name = nominee.name else {
            throw APIError.invalidField("nominee.name", vietnamese: "Thiếu tên đối tượng được đề nghị.", english: "The nominee needs a name.")
        }
        let choice: NomineeChoice
        if let id = nominee.id {
            choice = .existing(id)
        } else {
            guard let kind = nominee.kind else {
                throw APIError.invalidField("nominee.kind", vietnamese: "Thiếu loại đối tượng được đề nghị (hoặc mã đối tượng có sẵn).",
                                            english: "The nominee needs a kind (or the id of an existing nominee).")
            }
            let personal = nominee.personal.map {
                PersonalDetails(dateOfBirth: $0.dateOfBirth, gender: $0.gender, ethnicity: $0.ethnicity, position: $0.position, workplace: $0.workplace)
            }
            choice = .new(NewNominee(kind: kind, name: name, personal: personal, recipientClass: nominee.recipientClass))
        }
        return NominationDraft(
            roundID: roundID, movementID: movementID, nominee: choice,
            content: NominationContent(
                nomineeName: name, title: title ?? "", achievements: achievements ?? "",
                criteriaAnswers: criteriaAnswers ?? [:], indicators: indicators ?? [:]))
    }
}
