/// The parameters of a query, already in PostgreSQL's binary format.
public struct PostgresBindings: Sendable {
    var types: [UInt32] = []
    var values: [[UInt8]?] = []
    /// An encoding failure is kept and thrown when the query runs, so that string interpolation stays non-throwing.
    var encodingFailure: String?

    public init() {}

    public var count: Int { values.count }

    public mutating func append(_ value: some PostgresEncodable) {
        types.append(type(of: value).postgresType.rawValue)
        guard !value.isNull else {
            values.append(nil)
            return
        }
        var bytes: [UInt8] = []
        do {
            try value.encode(into: &bytes)
            values.append(bytes)
        } catch {
            encodingFailure = encodingFailure ?? "parameter $\(values.count + 1): \(error)"
            values.append(nil)
        }
    }
}
