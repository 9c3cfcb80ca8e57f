extension Policy {
    /// ``authorize(_:_:on:)`` as the repositories ask it: a refusal becomes ``ThiduaError/denied(_:)``, the one
    /// error type every repository call throws.
    static func permit(_ actor: Actor, _ action: NominationAction, on facts: NominationFacts) throws(ThiduaError) -> Capacity {
        do {
            return try authorize(actor, action, on: facts)
        } catch {
            throw .denied(error)
        }
    }

    /// ``authorize(_:_:)`` for a catalogue action, refusing with ``ThiduaError/denied(_:)``.
    static func permit(_ actor: Actor, _ action: CatalogueAction) throws(ThiduaError) -> Capacity {
        do {
            return try authorize(actor, action)
        } catch {
            throw .denied(error)
        }
    }

    /// ``authorize(_:_:seat:)`` for a council action, refusing with ``ThiduaError/denied(_:)``.
    @discardableResult
    static func permit(_ actor: Actor, _ action: CouncilAction, seat: CouncilSeatFacts? = nil) throws(ThiduaError) -> Capacity {
        do {
            return try authorize(actor, action, seat: seat)
        } catch {
            throw .denied(error)
        }
    }

    /// ``authorize(_:_:)`` for a decision action, refusing with ``ThiduaError/denied(_:)``.
    @discardableResult
    static func permit(_ actor: Actor, _ action: DecisionAction) throws(ThiduaError) -> Capacity {
        do {
            return try authorize(actor, action)
        } catch {
            throw .denied(error)
        }
    }

    /// ``authorize(_:_:)`` for an exemplar action, refusing with ``ThiduaError/denied(_:)``.
    @discardableResult
    static func permit(_ actor: Actor, _ action: ExemplarAction) throws(ThiduaError) -> Capacity {
        do {
            return try authorize(actor, action)
        } catch {
            throw .denied(error)
        }
    }

    /// ``authorize(_:_:)`` for a public-notice action, refusing with ``ThiduaError/denied(_:)``.
    @discardableResult
    static func permit(_ actor: Actor, _ action: NoticeAction) throws(ThiduaError) -> Capacity {
        do {
            return try authorize(actor, action)
        } catch {
            throw .denied(error)
        }
    }
}
