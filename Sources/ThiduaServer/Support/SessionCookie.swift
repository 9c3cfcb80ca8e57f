import Foundation
import HTTPTypes
import Hummingbird
import ThiduaCore

/// The session as a browser holds it: an `HttpOnly; SameSite=Strict` cookie (`Secure` behind TLS), and the CSRF
/// token a page sends back in `X-CSRF-Token` with every unsafe request.
enum SessionCookie {
    static let name = "thidua_session"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    static func setting(_ token: SessionToken, expires: Date, secure: Bool) -> String {
        let maxAge = max(0, Int(expires.timeIntervalSinceNow))
        return "\(name)=\(token.text); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    static func clearing(secure: Bool) -> String {
        "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// Derived from the session token, so it needs no storage, and unknowable without the token, which script
    /// on another site cannot read (HttpOnly) or have sent with a forged request's header.
    static func csrfToken(for token: SessionToken) -> String { token.derivedProof(purpose: "csrf") }

    /// Whether `proof` is the session's CSRF token.
    static func isCSRFToken(_ proof: String, for token: SessionToken) -> Bool { sameBytes(proof, csrfToken(for: token)) }

    /// Whether two tokens are equal, compared in time that does not depend on where they differ.
    static func sameBytes(_ given: String, _ expected: String) -> Bool {
        let given = Array(given.utf8), expected = Array(expected.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
