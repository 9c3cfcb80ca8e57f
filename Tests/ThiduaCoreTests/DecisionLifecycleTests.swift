import Foundation
import Testing
import ThiduaCore
import ThiduaTesting

/// The decision lifecycle alone, every state × kind × event × role, against tables written here from DESIGN.md
/// §4–§5 and issue 4 §3 rather than from the machine; then the repository refusing with the lifecycle's refusal
/// before any write reaches PostgreSQL.
@Suite("DecisionLifecycleTests")
struct DecisionLifecycleTests {
    /// What a step is expected to do.
    enum Expected: Equatable {
        case next(DecisionState)
        case refused(ThiduaError)
    }

    /// The roles that take each event (DESIGN.md §4: the secretariat prepares, the chairman signs; certificates
    /// are printed by the secretariat, the chairman and auditors).
    static let takers: [DecisionEvent: Set<Role>] = [
        .editItems: [.secretariat], .resubmit: [.secretariat], .draftRevocation: [.secretariat], .recordAnswer: [.secretariat],
        .sign: [.chairman], .sendBack: [.chairman], .revoke: [.chairman],
        .printCertificates: [.secretariat, .chairman, .auditor],
    ]

    /// What anyone else is told: auditors that they change nothing, the others which roles would do.
    static func denial(_ event: DecisionEvent, _ role: Role) -> PolicyDenial {
        switch event {
        case .printCertificates: .roleRequired([.secretariat, .chairman, .auditor])
        case _ where role == .auditor: .readOnly
        case .sign, .sendBack, .revoke: .roleRequired([.chairman])
        default: .roleRequired([.secretariat])
        }
    }

    /// The kinds of document each event applies to, and the refusal for the others.
    static let kinds: [DecisionEvent: (Set<DecisionKind>, DecisionRefusal?)] = [
        .editItems: ([.commendation, .proposal], .revocationHasNoItems),
        .resubmit: ([.commendation, .proposal, .revocation], nil),
        .sign: ([.commendation, .proposal, .revocation], nil),
        .sendBack: ([.commendation, .proposal, .revocation], nil),
        .draftRevocation: ([.commendation], .onlyCommendationsRevoked),
        .revoke: ([.commendation], .onlyCommendationsRevoked),
        .recordAnswer: ([.proposal], .onlyProposalsAnswered),
        .printCertificates: ([.commendation], .certificatesOnlyForCommendations),
    ]

    /// The edges (DecisionState's documentation): from → to for each event; every other state is refused.
    static let edges: [DecisionEvent: [DecisionState: DecisionState]] = [
        .editItems: [.draft: .draft, .returned: .returned],
        .resubmit: [.returned: .draft],
        .sign: [.draft: .signed],
        .sendBack: [.draft: .returned],
        .draftRevocation: [.signed: .signed],
        .revoke: [.signed: .revoked],
        .recordAnswer: [.signed: .signed],
        .printCertificates: [.signed: .signed],
    ]

    static func expected(_ state: DecisionState, _ kind: DecisionKind, _ event: DecisionEvent, _ role: Role) -> Expected {
        guard takers[event]!.contains(role) else { return .refused(.denied(denial(event, role))) }
        let (applies, refusal) = kinds[event]!
        guard applies.contains(kind) else { return .refused(.decision(refusal!)) }
        guard let next = edges[event]![state] else { return .refused(.decision(.state(state))) }
        return .next(next)
    }

    static func actor(_ roles: Set<Role>, delegated: [Role: UUID] = [:]) -> Actor {
        Actor(userID: UUID(), unitID: UUID(), unitKind: .council, areaID: "a", roles: roles, delegated: delegated)
    }

    @Test("every state × kind × event × role leads where the tables say, in the role it was asked in")
    func everyCombination() {
        var combinations = 0
        for state in DecisionState.allCases {
            for kind in DecisionKind.allCases {
                for event in DecisionEvent.allCases {
                    for role in Role.allCases {
                        combinations += 1
                        let outcome: Expected
                        do throws(ThiduaError) {
                            let step = try DecisionLifecycle.next(from: state, kind: kind, on: event, by: Self.actor([role]))
                            #expect(step.capacity == Capacity(role: role), "\(state) \(kind) \(event) \(role)")
                            outcome = .next(step.state)
                        } catch {
                            outcome = .refused(error)
                        }
                        #expect(outcome == Self.expected(state, kind, event, role), "\(state) \(kind) \(event) \(role)")
                    }
                }
            }
        }
        #expect(combinations == 4 * 3 * 8 * 7)
    }

    @Test("a deputy under the chairman's delegation signs for the chairman; whether it is ký thay is the database's to read")
    func delegatedChairmanSigns() throws {
        let chairman = UUID()
        let deputy = Self.actor([.unitClerk], delegated: [.chairman: chairman])
        let step = try DecisionLifecycle.next(from: .draft, kind: .commendation, on: .sign, by: deputy)
        #expect(step.state == .signed && step.capacity == Capacity(role: .chairman, onBehalfOf: chairman))
    }

    // MARK: - The repository asks the lifecycle first

    @Test("the repository refuses with the lifecycle's refusal before any write: a tripwire on the decision's tables is never reached, while a step the lifecycle allows reaches it")
    func repositoryRefusesBeforeSQL() async throws {
        let f = try await DecisionFixture.make()
        let nominations = try await f.approved(["Lò Thị Mai", "Sùng A Páo"])
        let signed = try await f.signed([(name: "Giàng A Dình", form: "lao-dong-tien-tien")])
        let draft = try await f.draft([DecisionItemDraft(nominationID: nominations[0].id, form: "lao-dong-tien-tien")])
        let tables = ["decisions", "decision_items"]
        try await Tripwire.lay(on: tables, in: f.world)

        await #expect(throws: ThiduaError.decision(.state(.signed))) {
            try await f.decisions.sendBack(signed.id, version: signed.version, reason: "Sửa lại", by: f[.chairman])
        }
        await #expect(throws: ThiduaError.decision(.state(.signed))) {
            try await f.decisions.sign(signed.id, version: signed.version, by: f[.chairman])
        }
        await #expect(throws: ThiduaError.decision(.state(.signed))) {
            try await f.decisions.addItems([DecisionItemDraft(nominationID: nominations[1].id, form: "lao-dong-tien-tien")],
                                           to: signed.id, version: signed.version, by: f[.secretary])
        }
        await #expect(throws: ThiduaError.decision(.state(.draft))) {
            try await f.decisions.resubmit(draft.id, version: draft.version, by: f[.secretary])
        }
        await #expect(throws: ThiduaError.decision(.onlyProposalsAnswered)) {
            try await f.decisions.recordAnswer(.granted, item: signed.items[0].id, of: signed.id, reference: "Quyết định số 5/QĐ-UBND",
                                               on: day("2024-12-25"), by: f[.secretary])
        }
        await #expect(throws: ThiduaError.decision(.state(.draft))) {
            try await f.decisions.draftRevocation(of: draft.id, on: day("2024-12-25"), subject: "Về việc hủy bỏ quyết định",
                                                  legalBases: ["Luật Thi đua, khen thưởng"], reason: "Kê khai không trung thực", by: f[.secretary])
        }
        // Allowed by the lifecycle: the signing goes on to SQL and trips the wire.
        try await Tripwire.expectReached {
            try await f.decisions.sign(draft.id, version: draft.version, by: f[.chairman])
        }
    }
}
