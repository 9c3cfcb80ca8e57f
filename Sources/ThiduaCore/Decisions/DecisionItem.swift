import Foundation
import Postgres

/// One line of a decision: the nomination, the nominee as the nomination names them, the form conferred (or
/// proposed) and its type, and the reward with the coefficient and base salary it was computed from.
public struct DecisionItem: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var nominationID: UUID
    public var nomineeID: UUID
    public var nomineeKind: NomineeKind
    public var nomineeName: String
    public var unitID: UUID
    public var form: String
    public var type: CommendationType
    /// `nil` when the form carries no reward for the nominee's kind, and for a proposal's items.
    public var reward: Reward?
    /// The bases of the reward's coefficient and base salary as they stood when the item was added; `nil`
    /// without a reward, and for an item added before they were recorded (0022).
    public var rewardBasis: RewardBasis?
    /// Taken out of the decision while it was prepared; kept, never deleted.
    public var removed: Bool
    public var answer: ProposalAnswer?
    /// The higher level's decision, for an answered proposal item.
    public var answerReference: String?
    public var answeredOn: Date?
    public var version: Int

    static let columns: StaticString = """
        id, nomination_id, nominee_id, nominee_kind, nominee_name, unit_id, form_code, type_code, coefficient, base_salary,
        amount, coefficient_basis, coefficient_verification, base_salary_basis, base_salary_verification,
        removed_at IS NOT NULL AS removed, answer, answer_reference, answered_on, version
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        nominationID = try row.decode(column: "nomination_id")
        nomineeID = try row.decode(column: "nominee_id")
        nomineeKind = try row.decodeEnum(column: "nominee_kind")
        nomineeName = try row.decode(column: "nominee_name")
        unitID = try row.decode(column: "unit_id")
        form = try row.decode(column: "form_code")
        type = try row.decodeEnum(column: "type_code")
        if let coefficient = try row.decode(Decimal?.self, column: "coefficient") {
            reward = Reward(coefficient: coefficient, baseSalary: try row.decode(column: "base_salary"), amount: try row.decode(column: "amount"))
        }
        if let basis = try row.decode(String?.self, column: "coefficient_basis") {
            rewardBasis = RewardBasis(
                coefficient: basis, coefficientVerification: try row.decodeEnum(column: "coefficient_verification"),
                baseSalary: try row.decode(column: "base_salary_basis"),
                baseSalaryVerification: try row.decodeEnum(column: "base_salary_verification"))
        }
        removed = try row.decode(column: "removed")
        answer = try row.decode(String?.self, column: "answer").flatMap(ProposalAnswer.init(rawValue:))
        answerReference = try row.decode(String?.self, column: "answer_reference")
        answeredOn = try row.decode(Date?.self, column: "answered_on")
        version = try row.decode(column: "version")
    }
}

/// An item to put into a decision: an approved nomination, the form to confer or propose, and the type.
public struct DecisionItemDraft: Sendable, Hashable {
    public var nominationID: UUID
    /// A code of the catalogue (``CommendationForm/code``), e.g. "giay-khen-chu-tich-huyen".
    public var form: String
    public var type: CommendationType

    public init(nominationID: UUID, form: String, type: CommendationType = .byMovement) {
        self.nominationID = nominationID
        self.form = form
        self.type = type
    }
}
