import Foundation
import Hummingbird
import ThiduaCore

/// `/`: the page each user lands on — what waits on them, by their roles (see ``HomeView``). What an action
/// needs is asked of the policy, as on every page; the counts come from the repositories under the user's
/// row-level security, so a unit sees its own nominations only.
struct HomePage: Sendable {
    let store: RecordStore

    func add(to pages: RouterGroup<SignedInContext>) {
        pages.get("/") { request, context in
            let users = UserRepository(store: store)
            let shell = try await PageShell.load(context, users: users, path: request.uri.path)
            let view = try await view(context.actor, shell: shell)
            return HTMLPage("Trang chủ", template: "home", view: view, shell: shell, flash: Flash.message(request))
        }
    }

    private func view(_ actor: Actor, shell: PageShell) async throws -> HomeView {
        let now = Date()
        let isUnit = actor.holds(.unitClerk) || actor.holds(.unitHead)
        let isLead = Policy.reviewQueues(of: actor).contains(.leadUnit)
        let isSecretariat = actor.holds(.secretariat)
        let isMember = Policy.allows(actor, CouncilAction.vote)
        let isChairman = Policy.allows(actor, DecisionAction.sign)
        let names = try await CatalogueNames.load(store, as: actor)
        let nominationRepository = NominationRepository(store: store)
        let nominations = isUnit || isSecretariat
            ? try await nominationRepository.list(NominationFilter(limit: 1000), as: actor) : []
        let own = nominations.filter { $0.unitID == actor.unitID }
        let rounds = RoundRepository(store: store)
        // The round people are working on: of the open ones, the one due last; else the newest.
        let open = names.roundList.filter { $0.state == "open" }
        let current = open.max { $0.dueAt < $1.dueAt } ?? names.roundList.first
        var compliance: Compliance?
        if let current, isUnit || isSecretariat { compliance = try await rounds.compliance(round: current.id, as: actor) }

        var roundLines: [HomeView.RoundLine] = []
        if isUnit {
            for round in open.sorted(by: { $0.dueAt < $1.dueAt }) {
                let table = round.id == current?.id ? compliance : try await rounds.compliance(round: round.id, as: actor)
                let row = table?.units.first { $0.unitID == actor.unitID }
                let left = HomeView.countdown(to: round.dueAt, from: now)
                roundLines.append(HomeView.RoundLine(
                    name: round.name, due: VietnameseTime.moment(round.dueAt), countdown: left.words, overdue: left.overdue,
                    quota: row.map { "Đơn vị đã gửi \($0.counts.submitted) trong tối đa \($0.maximum) hồ sơ (tối thiểu \($0.minimum))" } ?? ""))
            }
        }
        var unitWaiting: [HomeView.Link] = []
        if isUnit {
            for nomination in own where nomination.state == .returned {
                let reason = try await nominationRepository.changesSinceReturn(nomination.id, as: actor).lastReturn?.reason
                unitWaiting.append(HomeView.link(nomination, names: names, note: "Bị trả lại" + (reason.map { ", lý do: \($0)" } ?? "")))
            }
            for nomination in own where nomination.state == .draft {
                let note = Policy.availableEvents(for: actor, on: nomination).contains(.submit) ? "Dự thảo, chờ đồng chí gửi" : "Dự thảo, chưa gửi"
                unitWaiting.append(HomeView.link(nomination, names: names, note: note))
            }
        }
        // What waits in the user's review queues (/duyet), decided as the queue decides it.
        let endorsements = isLead ? nominations.filter { Policy.isWaiting($0, in: .leadUnit, for: actor) }
            .map { HomeView.link($0, names: names, note: "Chờ đơn vị chủ trì xác nhận") } : []
        let verifications = isSecretariat ? nominations.filter { Policy.isWaiting($0, in: .secretariat, for: actor) }
            .map { HomeView.link($0, names: names, note: "Chờ thẩm định") } : []
        let pastDue = current.map { $0.dueAt < now } ?? false
        let behind = isSecretariat ? (compliance?.units ?? []).filter { $0.isBehind(dueDatePassed: pastDue) } : []
        let lateUnits: [String] = behind.map { unit in
            unit.counts.late > 0 ? "\(unit.unitName): \(unit.counts.late) hồ sơ gửi sau hạn" : "\(unit.unitName): còn thiếu \(unit.shortfall) hồ sơ tối thiểu"
        }

        var ballots: [HomeView.Link] = []
        if isMember {
            for session in try await CouncilRepository(store: store).sessions(as: actor) where session.state == .open && session.awaitingVote > 0 {
                ballots.append(HomeView.Link(href: "/hoi-dong/\(session.id.uuidString.lowercased())", label: session.title,
                                             note: "\(session.awaitingVote) hồ sơ chờ đồng chí bỏ phiếu"))
            }
        }
        var signatures: [HomeView.Link] = []
        if isChairman {
            for decision in try await DecisionRepository(store: store).list(states: [.draft], as: actor) {
                signatures.append(HomeView.Link(
                    href: "/quyet-dinh/\(decision.id.uuidString.lowercased())", label: decision.subject,
                    note: "Dự thảo ngày \(VietnameseTime.day(decision.decidedOn)), \(decision.itemCount) người, tập thể; chờ đồng chí ký"))
            }
        }
        // Where each lead unit owes its own figure (the armed forces), a lead sees its own line, not its co-lead's.
        let leadMovements = (compliance?.movements ?? []).filter {
            actor.leadMovements.contains($0.movementID) && ($0.leadUnitID == nil || $0.leadUnitID == actor.unitID)
        }

        let unitStates = isUnit ? HomeView.statesChart(own) : nil
        let leadMinimums = isLead ? HomeView.movementsChart(
            leadMovements, id: "bieu-do-chu-tri", title: "Số tối thiểu của các phong trào đơn vị chủ trì (vạch đen)") : nil
        let unitCompliance = isSecretariat ? compliance.flatMap(HomeView.unitsChart) : nil
        let movementCompliance = isSecretariat ? compliance.flatMap {
            HomeView.movementsChart($0.movements, id: "bieu-do-phong-trao", title: "Số hồ sơ theo phong trào so với số tối thiểu (vạch đen)")
        } : nil
        let nothingWaits = unitWaiting.isEmpty && endorsements.isEmpty && verifications.isEmpty && ballots.isEmpty && signatures.isEmpty
        return HomeView(
            greeting: shell.fullName, roleNames: shell.roleNames,
            isUnit: isUnit, rounds: roundLines, hasRounds: !roundLines.isEmpty,
            unitStates: unitStates, unitWaiting: unitWaiting, hasUnitWaiting: !unitWaiting.isEmpty,
            isLead: isLead, endorsements: endorsements, hasEndorsements: !endorsements.isEmpty,
            leadMinimums: leadMinimums,
            isSecretariat: isSecretariat, verifications: verifications, hasVerifications: !verifications.isEmpty,
            complianceRound: current?.name ?? "", lateUnits: lateUnits, hasLateUnits: !lateUnits.isEmpty,
            unitCompliance: unitCompliance, movementCompliance: movementCompliance,
            isMember: isMember, ballots: ballots, hasBallots: !ballots.isEmpty,
            isChairman: isChairman, signatures: signatures, hasSignatures: !signatures.isEmpty,
            nothingWaits: nothingWaits)
    }
}
