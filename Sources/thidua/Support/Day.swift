import ArgumentParser

/// A calendar day typed on the command line as yyyy-MM-dd, sent to the API as typed (the API reads a day alone).
struct Day: ExpressibleByArgument, Sendable {
    var text: String

    init?(argument: String) {
        guard argument.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil else { return nil }
        text = argument
    }
}

extension String {
    /// The yyyy-MM-dd of one of the API's ISO 8601 dates, for tables.
    var day: String { String(prefix(10)) }
}
