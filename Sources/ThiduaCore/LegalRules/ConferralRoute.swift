/// What a body does with a form on a day (Law art. 80): confer it by its own decision, or propose it to the
/// level that may (a district's "Tập thể lao động xuất sắc" and Bằng khen go to the province).
public enum ConferralRoute: Sendable, Hashable {
    case confer
    case propose(to: AuthorityLevel)
    /// No level in the authority table confers it on that day.
    case nobody
}
