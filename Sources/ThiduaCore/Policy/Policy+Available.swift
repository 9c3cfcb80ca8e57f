import Foundation

extension Policy {
    /// The workflow steps `actor` may take on `nomination` now: those its state allows and the policy grants,
    /// leaving out edits and the steps only a council session or a signed decision takes. Pages offer exactly
    /// these, so a page never shows a button the repository would refuse.
    public static func availableEvents(for actor: Actor, on nomination: Nomination) -> [NominationEvent] {
        NominationEvent.allCases.filter { event in
            guard event != .edit, !event.isCouncilStep, !event.isDecisionStep else { return false }
            guard (try? NominationWorkflow.next(from: nomination.state, on: event)) != nil else { return false }
            return (try? authorize(actor, .workflow(event), on: nomination.facts)) != nil
        }
    }

    /// Whether `actor` may start a nomination of its own unit in `movement`: a page offers the form only then.
    public static func mayCreate(_ actor: Actor, in movement: UUID) -> Bool {
        let facts = NominationFacts(unitID: actor.unitID, movementID: movement, state: .draft, restricted: actor.unitKind == .armedForce)
        return (try? authorize(actor, .create, on: facts)) != nil
    }

    /// The review queues `actor` works in: the staff of a lead unit see its movements' nominations waiting for
    /// endorsement (only its head endorses, as ``availableEvents(for:on:)`` says per record); the secretariat
    /// sees those waiting for verification.
    public static func reviewQueues(of actor: Actor) -> [ReviewQueue] {
        ReviewQueue.allCases.filter { queue in
            switch queue {
            case .leadUnit: !actor.leadMovements.isEmpty && actor.holdsAny(.unitHead, .unitClerk)
            case .secretariat: actor.holds(.secretariat)
            }
        }
    }

    /// Whether `nomination` is in `queue` as `actor` sees it: in the queue's state and, for a lead unit, in a
    /// movement it leads.
    public static func isWaiting(_ nomination: Nomination, in queue: ReviewQueue, for actor: Actor) -> Bool {
        guard nomination.state == queue.waitingState else { return false }
        return queue != .leadUnit || actor.leadMovements.contains(nomination.movementID)
    }

    /// Whether `actor` may change the nomination's content now.
    public static func mayEdit(_ actor: Actor, _ nomination: Nomination) -> Bool {
        editRefusal(actor, nomination) == nil
    }

    /// Why `actor` may not change the nomination's content now, as saving it would be refused: a state that
    /// takes no edit, or the rule that denies the user; `nil` when it may.
    public static func editRefusal(_ actor: Actor, _ nomination: Nomination) -> ThiduaError? {
        guard nomination.state.isEditable else { return .wrongState(WorkflowRefusal(state: nomination.state, event: .edit)) }
        do {
            try authorize(actor, .workflow(.edit), on: nomination.facts)
            return nil
        } catch {
            return .denied(error)
        }
    }
}

extension Policy {
    /// Whether `actor`'s roles allow a council action; a page shows the form only then. The seat (roster,
    /// recusals) is decided again when the member acts.
    public static func allows(_ actor: Actor, _ action: CouncilAction) -> Bool {
        (try? authorize(actor, action)) != nil
    }

    /// Whether `actor`'s roles allow a decision action; a page offers the step only then.
    public static func allows(_ actor: Actor, _ action: DecisionAction) -> Bool {
        (try? authorize(actor, action)) != nil
    }

    /// Whether `actor`'s roles allow a catalogue action (rounds, deadline exceptions): a page offers its form only then.
    public static func allows(_ actor: Actor, _ action: CatalogueAction) -> Bool {
        (try? authorize(actor, action)) != nil
    }
}
