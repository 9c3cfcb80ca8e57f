import Foundation

/// How a transaction proves to PostgreSQL who acts (0029). The application presents the token of the user's
/// live session and the database sets the actor from it; only a superuser session (the installer, the demo's
/// and the tests' set-up) may name a user outright. The application's role cannot assume anyone.
public enum ActorClaim: Sendable, Hashable {
    /// The token of a live session, as the client holds it: `thidua.present_session`.
    case session(SessionToken)
    /// The user named by a superuser session (the nil id: the installer): `thidua.act_as`.
    case superuser(UUID)
}
