import Foundation
import Testing
import ThiduaCore

/// The policy alone: the rules that need no database to state.
@Suite("PolicyTests")
struct PolicyTests {
    let unit = UUID(), otherUnit = UUID(), movement = UUID()

    func actor(_ roles: Set<Role>, unit: UUID? = nil, delegated: [Role: UUID] = [:], leads: Set<UUID> = []) -> Actor {
        Actor(userID: UUID(), unitID: unit ?? self.unit, unitKind: .commune, areaID: "a", roles: roles,
              delegated: delegated, leadMovements: leads)
    }

    func facts(_ state: NominationState, unit: UUID? = nil, restricted: Bool = false, submittedBy: UUID? = nil) -> NominationFacts {
        NominationFacts(unitID: unit ?? self.unit, movementID: movement, state: state, restricted: restricted, submittedBy: submittedBy)
    }

    @Test("a delegate acts in the delegator's role and the capacity names the delegator")
    func delegationNamesTheDelegator() throws {
        let delegator = UUID()
        let deputy = actor([.unitClerk], delegated: [.unitHead: delegator])
        let capacity = try Policy.authorize(deputy, .workflow(.submit), on: facts(.draft))
        #expect(capacity == Capacity(role: .unitHead, onBehalfOf: delegator))
    }

    @Test("no one reviews their own submission, even as the lead unit's head or the secretariat")
    func separationOfDuties() {
        let head = actor([.unitHead, .secretariat], unit: otherUnit, leads: [movement])
        #expect(throws: PolicyDenial.ownSubmission) {
            try Policy.authorize(head, .workflow(.endorse), on: facts(.submitted, submittedBy: head.userID))
        }
        #expect(throws: PolicyDenial.ownSubmission) {
            try Policy.authorize(head, .workflow(.verify), on: facts(.endorsed, submittedBy: head.userID))
        }
    }

    @Test("auditors read everything and are told they change nothing")
    func auditorIsReadOnly() throws {
        let auditor = actor([.auditor], unit: otherUnit)
        #expect(Policy.canView(auditor, facts(.submitted, restricted: true)))
        #expect(throws: PolicyDenial.readOnly) { try Policy.authorize(auditor, .workflow(.verify), on: facts(.endorsed)) }
        #expect(throws: PolicyDenial.readOnly) { try Policy.authorize(auditor, .manageRounds) }
    }

    @Test("a lead unit never reviews an armed force's nomination")
    func leadUnitAndArmedForce() {
        let lead = actor([.unitHead], unit: otherUnit, leads: [movement])
        #expect(throws: PolicyDenial.armedForceRecord) {
            try Policy.authorize(lead, .workflow(.endorse), on: facts(.submitted, restricted: true))
        }
        #expect(!Policy.canView(lead, facts(.submitted, restricted: true)))
    }

    @Test("an administrator cannot change their own roles, and only holders delegate")
    func catalogueRules() throws {
        let admin = actor([.admin])
        #expect(throws: PolicyDenial.selfGrant) { try Policy.authorize(admin, .changeRoles(of: admin.userID)) }
        try Policy.authorize(admin, .changeRoles(of: UUID()))
        #expect(throws: PolicyDenial.delegationNotAllowed) { try Policy.authorize(actor([.unitClerk]), .delegate(.unitHead)) }
        #expect(throws: PolicyDenial.delegationNotAllowed) {
            try Policy.authorize(actor([.unitClerk], delegated: [.unitHead: UUID()]), .delegate(.unitHead))
        }
    }

    @Test("the council sees nominations only from council review on")
    func councilSeesFromReviewOn() {
        let member = actor([.councilMember], unit: otherUnit)
        #expect(!Policy.canView(member, facts(.verified)))
        #expect(Policy.canView(member, facts(.inReview)))
    }

    @Test("council review: the secretariat opens and closes, members and the chairman vote from the roster unless recused, auditors read")
    func councilActions() throws {
        let secretary = actor([.secretariat], unit: otherUnit), member = actor([.councilMember], unit: otherUnit)
        let chairman = actor([.chairman], unit: otherUnit), auditor = actor([.auditor], unit: otherUnit)
        let seated = CouncilSeatFacts(onRoster: true, recused: false)
        #expect(try Policy.authorize(secretary, CouncilAction.open).role == .secretariat)
        #expect(try Policy.authorize(secretary, .workflow(.putBeforeCouncil), on: facts(.verified)).role == .secretariat)
        #expect(throws: PolicyDenial.roleRequired([.secretariat])) { try Policy.authorize(member, CouncilAction.close) }
        #expect(throws: PolicyDenial.roleRequired([.secretariat])) { try Policy.authorize(chairman, .workflow(.approveInCouncil), on: facts(.inReview)) }
        #expect(try Policy.authorize(chairman, CouncilAction.vote, seat: seated).role == .chairman)
        #expect(try Policy.authorize(member, CouncilAction.recuse, seat: seated).role == .councilMember)
        #expect(throws: PolicyDenial.notOnRoster) {
            try Policy.authorize(member, CouncilAction.vote, seat: CouncilSeatFacts(onRoster: false, recused: false))
        }
        #expect(throws: PolicyDenial.recused) {
            try Policy.authorize(member, CouncilAction.vote, seat: CouncilSeatFacts(onRoster: true, recused: true))
        }
        #expect(throws: PolicyDenial.roleRequired([.councilMember, .chairman])) { try Policy.authorize(secretary, CouncilAction.vote) }
        #expect(throws: PolicyDenial.readOnly) { try Policy.authorize(auditor, CouncilAction.vote) }
        #expect(throws: PolicyDenial.readOnly) { try Policy.authorize(auditor, CouncilAction.close) }
        #expect(try Policy.authorize(auditor, CouncilAction.view).role == .auditor)
        #expect(throws: PolicyDenial.roleRequired([.secretariat, .chairman, .councilMember, .auditor])) {
            try Policy.authorize(actor([.unitHead]), CouncilAction.view)
        }
    }

    @Test("the auditors' pages: auditors, the secretariat and the chairman search the trail; only auditors recompute the chain; units and administrators neither")
    func auditPages() throws {
        #expect(try Policy.authorize(actor([.auditor]), CatalogueAction.searchAuditTrail).role == .auditor)
        #expect(try Policy.authorize(actor([.secretariat]), CatalogueAction.searchAuditTrail).role == .secretariat)
        #expect(try Policy.authorize(actor([.chairman]), CatalogueAction.searchAuditTrail).role == .chairman)
        for roles: Set<Role> in [[.unitClerk], [.unitHead], [.councilMember], [.admin]] {
            #expect(throws: PolicyDenial.roleRequired([.auditor, .secretariat, .chairman])) {
                try Policy.authorize(actor(roles), CatalogueAction.searchAuditTrail)
            }
        }
        #expect(throws: PolicyDenial.roleRequired([.auditor])) { try Policy.authorize(actor([.secretariat]), CatalogueAction.verifyAuditChain) }
    }

    @Test("one's own password is changed in a role held in person; with none, the denial names the roles, not an empty list")
    func changeOwnPassword() throws {
        #expect(try Policy.authorize(actor([.unitHead, .unitClerk]), CatalogueAction.changeOwnPassword).role == .unitClerk)
        #expect(throws: PolicyDenial.roleRequired(Role.allCases)) { try Policy.authorize(actor([]), CatalogueAction.changeOwnPassword) }
        #expect(!PolicyDenial.roleRequired(Role.allCases).vietnamese.hasSuffix("Cần vai trò: ."))
    }

    @Test("public notices: the secretariat runs them; the nomination's own clerk or head records what they receive, another unit's does not")
    func noticeActions() throws {
        let secretary = actor([.secretariat], unit: otherUnit), auditor = actor([.auditor], unit: otherUnit)
        #expect(try Policy.authorize(secretary, NoticeAction.run).role == .secretariat)
        #expect(try Policy.authorize(secretary, NoticeAction.record(unitID: unit)).role == .secretariat)
        for roles in [Set([Role.unitClerk]), [.unitHead], [.chairman], [.councilMember], [.admin]] {
            #expect(throws: PolicyDenial.roleRequired([.secretariat])) { try Policy.authorize(actor(roles), NoticeAction.run) }
        }
        #expect(throws: PolicyDenial.readOnly) { try Policy.authorize(auditor, NoticeAction.run) }
        #expect(try Policy.authorize(actor([.unitHead]), NoticeAction.record(unitID: unit)).role == .unitHead)
        #expect(throws: PolicyDenial.otherUnit) { try Policy.authorize(actor([.unitClerk], unit: otherUnit), NoticeAction.record(unitID: unit)) }
        #expect(throws: PolicyDenial.readOnly) { try Policy.authorize(auditor, NoticeAction.record(unitID: unit)) }
        #expect(try Policy.authorize(auditor, NoticeAction.viewNotices).role == .auditor)
        #expect(try Policy.authorize(actor([.councilMember]), NoticeAction.viewNotices).role == .councilMember)
        #expect(throws: PolicyDenial.roleRequired([.unitClerk, .unitHead, .secretariat, .councilMember, .chairman, .auditor])) {
            try Policy.authorize(actor([.admin]), NoticeAction.viewNotices)
        }
    }

    @Test("certificates are printed by the secretariat, the chairman (or a deputy holding the role) and auditors; nobody else, whatever else they read")
    func printCertificates() throws {
        #expect(try Policy.authorize(actor([.secretariat]), DecisionAction.printCertificates).role == .secretariat)
        #expect(try Policy.authorize(actor([.auditor]), DecisionAction.printCertificates).role == .auditor)
        let chairman = UUID()
        let deputy = try Policy.authorize(actor([], delegated: [.chairman: chairman]), DecisionAction.printCertificates)
        #expect(deputy.role == .chairman && deputy.onBehalfOf == chairman)
        for roles: Set<Role> in [[.unitClerk], [.unitHead], [.councilMember], [.admin]] {
            #expect(throws: PolicyDenial.roleRequired([.secretariat, .chairman, .auditor])) {
                try Policy.authorize(actor(roles), DecisionAction.printCertificates)
            }
            #expect(try Policy.authorize(actor(roles), DecisionAction.view).role == roles.first)
        }
    }
}
