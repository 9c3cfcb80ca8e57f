import ThiduaCore

/// One page of a nomination list, in Vietnamese order of the nominee's name.
struct NominationPage: Encodable, Sendable {
    var items: [Nomination]
    var limit: Int
    var offset: Int
}
