import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The council session machine alone, every session state × standing × event × role, against tables written
/// here from DESIGN.md §4 and issue 4 §1 rather than from the machine; then the repository refusing with the
/// machine's refusal before any write reaches PostgreSQL.
@Suite("CouncilSessionMachineTests")
struct CouncilSessionMachineTests {
    typealias State = CouncilSessionMachine.State

    /// What a step is expected to do.
    enum Expected: Equatable {
        case next(State)
        case refused(ThiduaError)
    }

    /// The roles that take each event (DESIGN.md §4: the secretariat opens and closes, members and the chairman vote
    /// and may recuse).
    static let takers: [CouncilEvent: Set<Role>] = [
        .close: [.secretariat],
        .castVote: [.councilMember, .chairman],
        .changeVote: [.councilMember, .chairman],
        .recuse: [.councilMember, .chairman],
    ]

    /// What anyone else is told: auditors that they change nothing, the others which roles would do.
    static let otherwise: [CouncilEvent: PolicyDenial] = [
        .close: .roleRequired([.secretariat]),
        .castVote: .roleRequired([.councilMember, .chairman]),
        .changeVote: .roleRequired([.councilMember, .chairman]),
        .recuse: .roleRequired([.councilMember, .chairman]),
    ]

    /// A member or the chairman in an open session: their standing on the nomination before → after, or why not.
    static let memberInOpenSession: [CouncilEvent: [CouncilStanding: Expected]] = [
        .castVote: [
            .offRoster: .refused(.denied(.notOnRoster)),
            .undecided: .next(State(session: .open, standing: .voted)),
            .voted: .refused(.council(.alreadyVoted)),
            .recused: .refused(.denied(.recused)),
        ],
        .changeVote: [
            .offRoster: .refused(.denied(.notOnRoster)),
            .undecided: .refused(.council(.noVoteToChange)),
            .voted: .next(State(session: .open, standing: .voted)),
            .recused: .refused(.denied(.recused)),
        ],
        .recuse: [
            .offRoster: .refused(.denied(.notOnRoster)),
            .undecided: .next(State(session: .open, standing: .recused)),
            .voted: .refused(.council(.recusalAfterVote)),
            .recused: .refused(.denied(.recused)),
        ],
    ]

    /// A member or the chairman in a closed session: the roster and recusals still answer first, then the close.
    static let memberInClosedSession: [CouncilStanding: Expected] = [
        .offRoster: .refused(.denied(.notOnRoster)),
        .undecided: .refused(.council(.sessionClosed)),
        .voted: .refused(.council(.sessionClosed)),
        .recused: .refused(.denied(.recused)),
    ]

    /// The secretariat closing: an open session closes, whatever the closer's standing; a closed one stays closed.
    static func secretariatCloses(_ state: State) -> Expected {
        state.session == .open ? .next(State(session: .closed, standing: state.standing)) : .refused(.council(.sessionClosed))
    }

    static func expected(_ state: State, _ event: CouncilEvent, _ role: Role) -> Expected {
        guard Self.takers[event]!.contains(role) else {
            return .refused(.denied(role == .auditor ? .readOnly : Self.otherwise[event]!))
        }
        if event == .close { return secretariatCloses(state) }
        return state.session == .open ? memberInOpenSession[event]![state.standing]! : memberInClosedSession[state.standing]!
    }

    static func actor(_ roles: Set<Role>, delegated: [Role: UUID] = [:]) -> Actor {
        Actor(userID: UUID(), unitID: UUID(), unitKind: .council, areaID: "a", roles: roles, delegated: delegated)
    }

    @Test("every session state × standing × event × role leads where the tables say, in the role it was asked in")
    func everyCombination() {
        var combinations = 0
        for session in CouncilSession.State.allCases {
            for standing in CouncilStanding.allCases {
                let state = State(session: session, standing: standing)
                for event in CouncilEvent.allCases {
                    for role in Role.allCases {
                        combinations += 1
                        let outcome: Expected
                        do throws(ThiduaError) {
                            let step = try CouncilSessionMachine.next(from: state, on: event, by: Self.actor([role]))
                            #expect(step.capacity == Capacity(role: role), "\(state) \(event) \(role)")
                            outcome = .next(step.state)
                        } catch {
                            outcome = .refused(error)
                        }
                        #expect(outcome == Self.expected(state, event, role), "\(state) \(event) \(role)")
                        #expect(CouncilSessionMachine.allows(event, from: state, by: Self.actor([role])) == (outcome.isNext),
                                "\(state) \(event) \(role)")
                    }
                }
            }
        }
        #expect(combinations == 2 * 4 * 4 * 7)
    }

    @Test("a deputy holding the chairman role under delegation votes for the chairman, and the step says so")
    func delegatedChairmanVotes() throws {
        let chairman = UUID()
        let deputy = Self.actor([.unitClerk], delegated: [.chairman: chairman])
        let step = try CouncilSessionMachine.next(from: State(session: .open, standing: .undecided), on: .castVote, by: deputy)
        #expect(step.capacity == Capacity(role: .chairman, onBehalfOf: chairman))
        #expect(step.state.standing == .voted)
    }

    // MARK: - The repository asks the machine first

    /// The tables a session's steps write.
    static let sessionTables = ["council_sessions", "council_votes", "council_recusals"]

    @Test("the repository refuses with the machine's refusal before any write: a tripwire on the session's tables is never reached, while a step the machine allows reaches it")
    func repositoryRefusesBeforeSQL() async throws {
        let f = try await CouncilFixture.make()
        let nomination = try await f.verified("Lò Thị Mai")
        var session = try await f.council.open(round: f.world.round, title: "Phiên thử", nominations: [nomination.id], by: f[.secretary])
        let vote = try await f.council.vote(.approve, on: nomination.id, in: session.id, version: 0, by: f[.member])
        try await Tripwire.lay(on: Self.sessionTables, in: f.world)

        await #expect(throws: ThiduaError.council(.alreadyVoted)) {
            try await f.council.vote(.reject, on: nomination.id, in: session.id, version: 0, by: f[.member])
        }
        await #expect(throws: ThiduaError.council(.noVoteToChange)) {
            try await f.council.vote(.reject, on: nomination.id, in: session.id, version: 1, by: f[.chairman])
        }
        await #expect(throws: ThiduaError.council(.recusalAfterVote)) {
            try await f.council.recuse(from: nomination.id, in: session.id, reason: "Đổi ý", by: f[.member])
        }
        // Allowed by the machine: the change goes on to SQL and trips the wire.
        try await Tripwire.expectReached {
            try await f.council.vote(.reject, on: nomination.id, in: session.id, version: vote.version, by: f[.member])
        }

        try await Tripwire.lift(from: Self.sessionTables, in: f.world)
        session = try await f.council.close(session.id, version: session.version, by: f[.secretary])
        try await Tripwire.lay(on: Self.sessionTables, in: f.world)
        await #expect(throws: ThiduaError.council(.sessionClosed)) {
            try await f.council.close(session.id, version: session.version, by: f[.secretary])
        }
        await #expect(throws: ThiduaError.council(.sessionClosed)) {
            try await f.council.vote(.reject, on: nomination.id, in: session.id, version: vote.version, by: f[.member])
        }
        await #expect(throws: ThiduaError.council(.sessionClosed)) {
            try await f.council.recuse(from: nomination.id, in: session.id, reason: "Có quan hệ gia đình", by: f[.chairman])
        }
    }
}

extension CouncilSessionMachineTests.Expected {
    var isNext: Bool {
        if case .next = self { true } else { false }
    }
}
