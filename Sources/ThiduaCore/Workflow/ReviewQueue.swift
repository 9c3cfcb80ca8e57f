/// The two places where a nomination waits for someone other than its own unit before the council: the lead
/// unit's endorsement of the movements it leads, and the secretariat's verification. Each queue is the state it
/// holds and the steps that take a nomination out of it, forward or back to the unit with a reason.
public enum ReviewQueue: String, Sendable, Hashable, CaseIterable {
    case leadUnit = "lead_unit"
    case secretariat

    /// The state a nomination waits in while it is in the queue.
    public var waitingState: NominationState {
        switch self {
        case .leadUnit: .submitted
        case .secretariat: .endorsed
        }
    }

    /// The steps out of the queue: forward first, then back to the unit.
    public var steps: [NominationEvent] {
        switch self {
        case .leadUnit: [.endorse, .returnByLeadUnit]
        case .secretariat: [.verify, .returnBySecretariat]
        }
    }

    public var vietnamese: String {
        switch self {
        case .leadUnit: "Chờ đơn vị chủ trì xác nhận"
        case .secretariat: "Chờ Cơ quan Thường trực thẩm định"
        }
    }
}
