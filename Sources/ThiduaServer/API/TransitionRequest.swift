import ThiduaCore

/// `POST /api/v1/nominations/{id}/transitions`: one workflow step; returns need a reason.
struct TransitionRequest: Decodable {
    var event: NominationEvent
    var reason: String?
    var version: Int?
}
