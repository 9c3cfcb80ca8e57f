import Foundation

/// A new session: the bearer token (shown once; the database keeps only its hash), when it expires, the CSRF
/// token pages send with unsafe requests, and who signed in.
struct SessionResponse: Encodable, Sendable {
    var token: String
    var expiresAt: Date
    var csrfToken: String
    var me: MeResponse
}
