import Testing
import ThiduaCore

/// The workflow state machine alone, every state × event pair (DESIGN.md §5).
@Suite("NominationWorkflowTests")
struct NominationWorkflowTests {
    /// The legal edges; everything else must be refused.
    static let legal: [NominationState: [NominationEvent: NominationState]] = [
        .draft: [.edit: .draft, .submit: .submitted, .withdraw: .withdrawn],
        .returned: [.edit: .returned, .submit: .submitted, .withdraw: .withdrawn],
        .submitted: [.endorse: .endorsed, .returnByLeadUnit: .returned, .withdraw: .withdrawn],
        .endorsed: [.verify: .verified, .returnBySecretariat: .returned, .withdraw: .withdrawn],
        .verified: [.putBeforeCouncil: .inReview],
        .inReview: [.approveInCouncil: .approved, .rejectInCouncil: .rejected, .carryOver: .verified],
        .approved: [.decide: .decided],
    ]

    @Test("every legal transition leads where the diagram says, every other pair is refused")
    func everyPair() {
        for state in NominationState.allCases {
            for event in NominationEvent.allCases {
                if let expected = Self.legal[state]?[event] {
                    #expect((try? NominationWorkflow.next(from: state, on: event)) == expected, "\(state) \(event)")
                } else {
                    #expect(throws: WorkflowRefusal(state: state, event: event)) {
                        try NominationWorkflow.next(from: state, on: event)
                    }
                }
            }
        }
    }

    @Test("a lead unit's own submission is endorsed at once")
    func leadUnitSubmissionIsEndorsed() throws {
        #expect(try NominationWorkflow.next(from: .draft, on: .submit, endorsedAtOnce: true) == .endorsed)
        #expect(try NominationWorkflow.next(from: .returned, on: .submit, endorsedAtOnce: true) == .endorsed)
    }

    @Test("verified and later states cannot be withdrawn or edited")
    func nothingAfterVerification() {
        for state in [NominationState.verified, .inReview, .approved, .rejected, .decided, .withdrawn] {
            #expect(throws: WorkflowRefusal.self) { try NominationWorkflow.next(from: state, on: .withdraw) }
            #expect(throws: WorkflowRefusal.self) { try NominationWorkflow.next(from: state, on: .edit) }
        }
    }
}
