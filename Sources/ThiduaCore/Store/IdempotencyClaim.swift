/// A create request's `Idempotency-Key`, what it was sent to and the SHA-256 of its body: claimed in the
/// transaction of the change it makes (0020), so a retry of a create whose answer was lost makes nothing twice.
public struct IdempotencyClaim: Sendable, Hashable {
    public var key: String
    /// `POST /api/v1/nominations`: the same key sent to another route is another request.
    public var route: String
    public var requestHash: String

    public init(key: String, route: String, requestHash: String) {
        self.key = key
        self.route = route
        self.requestHash = requestHash
    }
}
