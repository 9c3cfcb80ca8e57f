/// Everything an actor may ask to do with a nomination.
public enum NominationAction: Sendable, Hashable {
    case view
    case create
    case workflow(NominationEvent)

    public static let allCases: [NominationAction] = [.view, .create] + NominationEvent.allCases.map { .workflow($0) }
}
