import ThiduaCore

/// A decision's document with its articles and its lines in print order (national motto included), so every client prints the
/// same text without laying it out again.
struct DecisionDocumentResponse: Encodable, Sendable {
    private enum Key: String, CodingKey { case lines, articles }

    let document: DecisionDocument

    func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(document.lines, forKey: .lines)
        try container.encode(document.articles, forKey: .articles)
    }
}
